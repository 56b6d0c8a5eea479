// Bulk changes need the user's confirmation, whatever the model does: one change group (a chat turn) may delete at
// most 3 tasks and complete at most 10. Past that, a change goes through only with a confirmation token issued
// with a preview of the exact tasks, bound to the user, the action and those ids, short-lived, and accepted only
// in a later group — the user saw the list and said yes in their next message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.js';

/** The changes that need confirmation in bulk. */
export type BulkAction = 'delete' | 'complete';

/** How many of each a group may make without a confirmation. */
export const BULK_LIMITS: Record<BulkAction, number> = { delete: 3, complete: 10 };

/** How long a confirmation is good for. */
export const CONFIRMATION_TTL_MS = 10 * 60_000;

const payloadSchema = z.object({
  u: z.string(),
  a: z.enum(['delete', 'complete']),
  ids: z.array(z.number().int()),
  g: z.string(),
  exp: z.number(),
});
type Payload = z.infer<typeof payloadSchema>;

/** Issues and checks confirmation tokens with a server-side key. */
export interface Confirmations {
  /** A token for `ids` of `userId`, issued in `group`, and when it expires. */
  issue(userId: string, action: BulkAction, ids: readonly number[], group: string, now: Date): { token: string; expiresAt: Date };
  /** True when `token` confirms `action` on task `id` of `userId` in `group` (a later group than the one that issued it). */
  accepts(token: string, userId: string, action: BulkAction, id: number, group: string, now: Date): boolean;
}

/** Confirmations signed with `key` (HMAC-SHA256; the runtime derives the key from the auth secret). */
export function createConfirmations(key: Buffer): Confirmations {
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  const read = (token: string): Payload | null => {
    const [body, signature] = token.split('.');
    if (!body || !signature) return null;
    const expected = Buffer.from(sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      // Not JSON under a valid signature cannot happen unless the key leaked; treat it as no token.
      return null;
    }
  };
  return {
    issue(userId, action, ids, group, now) {
      const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
      const body = Buffer.from(JSON.stringify({ u: userId, a: action, ids: [...ids], g: group, exp: expiresAt.getTime() })).toString('base64url');
      return { token: `${body}.${sign(body)}`, expiresAt };
    },
    accepts(token, userId, action, id, group, now) {
      const payload = read(token);
      return !!payload && payload.u === userId && payload.a === action && payload.ids.includes(id) && payload.g !== group && payload.exp > now.getTime();
    },
  };
}

/** The refusal a change past the limit gets: what to do instead, for the model and for people. */
export function bulkRefusal(action: BulkAction): AppError {
  const verb = action === 'delete' ? 'Deleting' : 'Completing';
  return new AppError(
    'CONFLICT',
    `${verb} more than ${BULK_LIMITS[action]} tasks at once needs the user's confirmation: call preview_bulk_change with action "${action}" and every task_id, ` +
      `show the user that exact list and ask; if they say yes in their next message, repeat each ${action === 'delete' ? 'delete_task' : 'complete_task'} call with the confirmation it returned.`,
  );
}
