import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { oauthAccessToken, oauthClient, oauthConsent, oauthRefreshToken } from '../db/schema.js';

/** An OAuth client a user authorised, as "Connected apps" lists it. */
export interface ConnectedApp {
  client_id: string;
  name: string;
  uri: string | null;
  scopes: string[];
  connected_at: string;
  updated_at: string;
}

/** The consents users gave to OAuth clients (MCP connectors): listed, revoked, and checked on every /mcp call. */
export interface ConnectedApps {
  /** The clients this user authorised, most recently authorised first. */
  list(userId: string): Promise<ConnectedApp[]>;
  /** Withdraw the user's consent to a client and revoke its refresh and access tokens; false when there was none. */
  revoke(userId: string, clientId: string): Promise<boolean>;
  /** True when the user's consent to the client (still enabled) covers a token issued at `issuedAt` (seconds). */
  isGranted(userId: string, clientId: string, issuedAt: number): Promise<boolean>;
}

/** The connected-apps store over Better Auth's OAuth provider tables. */
export function createConnectedApps(db: Database): ConnectedApps {
  return {
    async list(userId) {
      const rows = await db
        .select({
          clientId: oauthConsent.clientId,
          name: oauthClient.name,
          uri: oauthClient.uri,
          scopes: oauthConsent.scopes,
          createdAt: oauthConsent.createdAt,
          updatedAt: oauthConsent.updatedAt,
        })
        .from(oauthConsent)
        .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
        .where(eq(oauthConsent.userId, userId))
        .orderBy(desc(oauthConsent.createdAt));
      return rows.map((row) => ({
        client_id: row.clientId,
        name: row.name?.trim() || 'Unnamed app',
        uri: row.uri,
        scopes: row.scopes,
        connected_at: (row.createdAt ?? new Date(0)).toISOString(),
        updated_at: (row.updatedAt ?? row.createdAt ?? new Date(0)).toISOString(),
      }));
    },

    async revoke(userId, clientId) {
      return db.transaction(async (tx) => {
        const removed = await tx
          .delete(oauthConsent)
          .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
          .returning({ id: oauthConsent.id });
        const now = new Date();
        const refreshes = await tx
          .update(oauthRefreshToken)
          .set({ revoked: now })
          .where(and(eq(oauthRefreshToken.userId, userId), eq(oauthRefreshToken.clientId, clientId), isNull(oauthRefreshToken.revoked)))
          .returning({ id: oauthRefreshToken.id });
        await tx
          .update(oauthAccessToken)
          .set({ revoked: now })
          .where(and(eq(oauthAccessToken.userId, userId), eq(oauthAccessToken.clientId, clientId), isNull(oauthAccessToken.revoked)));
        return removed.length > 0 || refreshes.length > 0;
      });
    },

    async isGranted(userId, clientId, issuedAt) {
      const [row] = await db
        .select({ createdAt: oauthConsent.createdAt, disabled: oauthClient.disabled })
        .from(oauthConsent)
        .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
        .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
        .limit(1);
      if (!row || row.disabled) return false;
      // A token minted before this consent belongs to an earlier, revoked one (the app was connected again since).
      return !row.createdAt || Math.floor(row.createdAt.getTime() / 1000) <= issuedAt;
    },
  };
}
