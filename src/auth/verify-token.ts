import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import type { Database } from '../db/client.js';
import { jwks } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { ConnectedApps } from './connected-apps.js';

/** The authenticated caller, as proven by a verified JWT. */
export interface AuthUser {
  id: string;
  email?: string;
}

export interface TokenVerifierOptions {
  db: Database;
  issuer: string;
  /** The audience this endpoint accepts (the API or the MCP resource). */
  audience: string;
  /**
   * Accept access tokens the OAuth provider issued to a connector, while the user's consent to that client stands
   * (checked on every call, so a revoked app fails at once). Without it such tokens are refused: the REST API
   * takes session JWTs only.
   */
  oauthGrants?: Pick<ConnectedApps, 'isGranted'>;
}

export type VerifyToken = (token: string) => Promise<AuthUser>;

/**
 * Verify Better Auth JWTs against the server's own keys: EdDSA only, issuer and audience pinned, expiry enforced.
 * Keys are read from the database and re-read when a token names an unknown key (another instance may have made it).
 */
export function createTokenVerifier(options: TokenVerifierOptions): VerifyToken {
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let knownKids = new Set<string>();

  async function loadKeys(): Promise<void> {
    const rows = await options.db.select({ id: jwks.id, publicKey: jwks.publicKey }).from(jwks);
    const keys: JWK[] = rows.map((row) => ({ ...(JSON.parse(row.publicKey) as JWK), kid: row.id, alg: 'EdDSA' }));
    const set: JSONWebKeySet = { keys };
    keySet = createLocalJWKSet(set);
    knownKids = new Set(rows.map((row) => row.id));
  }

  return async function verifyToken(token: string): Promise<AuthUser> {
    const kid = readKid(token);
    if (!keySet || (kid && !knownKids.has(kid))) await loadKeys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet!, {
        algorithms: ['EdDSA'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new AppError('UNAUTHENTICATED', describeJwtFailure(error), { cause: error });
    }
    // The OAuth provider names the client in every access token it issues; session JWTs carry no client.
    const clientId = payload.client_id ?? payload.azp;
    if (clientId !== undefined) {
      if (!options.oauthGrants) {
        throw new AppError('UNAUTHENTICATED', 'This is an OAuth access token for /mcp: the REST API takes a session JWT from /api/auth/token');
      }
      // A sender-constrained (DPoP, RFC 9449) token is only safe with its proof, which /mcp does not check: refused.
      if (payload.cnf !== undefined) {
        throw new AppError('UNAUTHENTICATED', 'DPoP-bound access tokens are not accepted here: ask for a Bearer token');
      }
      if (typeof clientId !== 'string' || !(await options.oauthGrants.isGranted(payload.sub!, clientId, payload.iat!))) {
        throw new AppError('UNAUTHENTICATED', 'Access for this app was revoked: connect it again to authorise it');
      }
    }
    return { id: payload.sub!, email: typeof payload.email === 'string' ? payload.email : undefined };
  };
}

function readKid(token: string): string | undefined {
  const header = token.split('.')[0];
  if (!header) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed && 'kid' in parsed && typeof parsed.kid === 'string' ? parsed.kid : undefined;
  } catch {
    // A header that is not JSON is rejected by jwtVerify with a clear reason.
    return undefined;
  }
}

function describeJwtFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The access token has expired: get a new one from /api/auth/token';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The access token was not issued for this server (${error.claim} claim)`;
  return 'The access token is invalid: get one from /api/auth/token';
}
