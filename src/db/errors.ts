// How either driver (pg over a socket, PGlite in process) says the database is gone: an outage, never the caller's fault.

/** Node/pg error codes that mean the database cannot be reached (an outage, never the caller's fault). */
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300',
]);

/** True when an error (or any error in its cause chain) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connection is closed|Client was closed|PGlite is closed|is not queryable|terminating connection/i.test(message)) return true;
    // Wrappers keep the original as `cause`, or (the agents SDK's ToolCallError) as `error`.
    const wrapper = current as { cause?: unknown; error?: unknown };
    current = wrapper.cause ?? (wrapper.error instanceof Error ? wrapper.error : undefined);
  }
  return false;
}
