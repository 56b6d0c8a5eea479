// What a refused sign-in or sign-up says to the person: the server's own words, never a bare "Invalid origin".

/** Better Auth's client error: its own `{message, code}` plus, from this server, the contract's `error` body. */
export interface AuthClientError {
  readonly status: number;
  readonly message?: string | undefined;
  readonly code?: string | undefined;
  /** The contract's `{code, message}`, when the server sent it. */
  readonly error?: unknown;
}

const BARE_ORIGIN = /^invalid origin\.?$/i;

function contractMessage(error: AuthClientError): string | null {
  const body = error.error;
  if (typeof body !== 'object' || body === null || !('message' in body)) return null;
  return typeof body.message === 'string' && body.message.trim() ? body.message : null;
}

/**
 * The message to show for a failed auth call. The server's message wins; an older server's bare
 * "Invalid origin" (the page is open at an address the server does not trust) is explained instead, naming
 * the address in use, because on its own it tells the person nothing they can act on.
 */
export function authErrorMessage(error: AuthClientError, pageOrigin: string): string {
  // Better Auth prefixes validation messages with the field path ("[body.email] Invalid email address").
  const message = (contractMessage(error) ?? error.message ?? '').replace(/^\[[\w.]+\]\s*/, '').trim();
  if (BARE_ORIGIN.test(message)) {
    return (
      `This server does not accept sign-ins from ${pageOrigin}. Open the app at the address the server was set up ` +
      `with (its PUBLIC_URL), or ask whoever runs it to add ${pageOrigin} to CORS_ORIGINS.`
    );
  }
  if (message) return message;
  return error.status === 0 ? "Can't reach the server." : 'That did not work, try again.';
}
