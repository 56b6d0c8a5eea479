// What may leave the process in an error report. Sentry events carry request data, breadcrumbs,
// contexts and messages; any of them can hold a token, a cookie, a password or a user's tasks.

const FILTERED = '[Filtered]';

/** Keys whose values are secret wherever they appear (headers, bodies, contexts, extras). */
const SECRET_KEY = /pass(word)?|secret|token|auth|cookie|session|api[-_]?key|jwt|dsn|credential|private[-_]?key|signature|database[-_]?url/i;

/** Request headers worth keeping: nothing that identifies or authenticates the caller. */
const SAFE_HEADERS = new Set(['accept', 'content-type', 'content-length', 'user-agent', 'x-request-id']);

/**
 * Hide secrets inside free text: Bearer tokens, JWTs, credentials in URLs, key=value secrets, and the
 * bound parameters drizzle appends to a failed query's message (user ids, titles, session tokens).
 */
export function scrubText(text: string): string {
  return text
    .replace(/(\nparams: ).*/g, `$1${FILTERED}`)
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${FILTERED}`)
    .replace(/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, FILTERED)
    .replace(/\/\/([^:/@\s]+):[^@\s/]+@/g, `//$1:${FILTERED}@`)
    .replace(/\b(password|secret|token|api[-_]?key)=([^&\s]+)/gi, `$1=${FILTERED}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scrub a value in place (objects and arrays) or return its scrubbed copy (strings). */
function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 12) return value;
  if (Array.isArray(value)) {
    value.forEach((item, index) => (value[index] = scrubValue(item, depth + 1)));
    return value;
  }
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      value[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && typeof item !== 'boolean' ? FILTERED : scrubValue(item, depth + 1);
    }
  }
  return value;
}

/**
 * Sentry's beforeSend: drop the request body, cookies, query string and every header but a few harmless
 * ones, keep only the user's anonymised id, then mask secret-looking keys and secrets inside any text
 * (messages, exception values, breadcrumbs, contexts, extras). Mutates and returns the event.
 */
export function scrubEvent<T extends object>(event: T): T {
  if (!isRecord(event)) return event;
  const record: Record<string, unknown> = event;
  const request = record.request;
  if (isRecord(request)) {
    delete request.data;
    delete request.cookies;
    delete request.query_string;
    if (typeof request.url === 'string') request.url = request.url.split('?')[0];
    if (isRecord(request.headers)) {
      for (const name of Object.keys(request.headers)) {
        if (!SAFE_HEADERS.has(name.toLowerCase())) delete request.headers[name];
      }
    }
    delete request.env;
  }
  const user = record.user;
  if (isRecord(user)) record.user = typeof user.id === 'string' ? { id: user.id } : {};
  scrubValue(record, 0);
  return event;
}
