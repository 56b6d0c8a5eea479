// Errors the API layer raises, each with a message a person can act on.

/** An error answer from the API (`{error: {code, message}}`) or a transport failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

/** The Better Auth session is gone: the user has to sign in again. */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';

  constructor(options?: { cause?: unknown }) {
    super('Your session has expired. Sign in again — your draft is kept.', options);
  }
}

/** Turns a fetch rejection into an ApiError that says what happened. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'NETWORK', "Can't reach the server. Check your connection, then retry.", { cause });
}

/** True for an AbortError raised because the UI cancelled a request on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A short message for any error, for banners. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof SessionExpiredError) return error.message;
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}

/** A server message as a sentence on screen ("title must not be empty" → "Title must not be empty"). */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
