// How an HTTP answer from an outside service becomes a SendResult: 2xx sent; 408, 429 and 5xx retried; any other
// 4xx (and a redirect, which a POST must not follow blindly) final, since sending the same request again cannot help.
import type { SendResult } from '../channel.js';

/** A SendResult that failed. */
export type SendFailure = Extract<SendResult, { ok: false }>;

/** The result of an HTTP answer with `status` from `service` (named in the error; never the URL, which may hold a token). */
export function httpResult(service: string, status: number): SendResult {
  if (status >= 200 && status < 300) return { ok: true };
  const retried = status === 408 || status === 429 || status >= 500;
  const hint = status >= 300 && status < 400 ? ' (a redirect: set the final URL)' : '';
  return { ok: false, error: `${service} answered HTTP ${status}${hint}`, final: !retried };
}

/** The result of a request that got no answer (timeout, refused, DNS): retried. */
export function networkFailure(service: string, error: unknown): SendFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { ok: false, error: `${service} did not answer in time`, final: false };
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return { ok: false, error: `${service} could not be reached${cause}`, final: false };
}
