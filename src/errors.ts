/** The error catalog: every failure the API reports, with its HTTP status and who is at fault. */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, fault: 'user' },
  UNAUTHENTICATED: { status: 401, fault: 'user' },
  FORBIDDEN: { status: 403, fault: 'user' },
  NOT_FOUND: { status: 404, fault: 'user' },
  METHOD_NOT_ALLOWED: { status: 405, fault: 'user' },
  REQUEST_TIMEOUT: { status: 408, fault: 'user' },
  CONFLICT: { status: 409, fault: 'user' },
  PAYLOAD_TOO_LARGE: { status: 413, fault: 'user' },
  URI_TOO_LONG: { status: 414, fault: 'user' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, fault: 'user' },
  RATE_LIMITED: { status: 429, fault: 'user' },
  HEADERS_TOO_LARGE: { status: 431, fault: 'user' },
  INTERNAL: { status: 500, fault: 'system' },
  MODEL_ERROR: { status: 502, fault: 'model' },
  UNAVAILABLE: { status: 503, fault: 'system' },
  MODEL_TIMEOUT: { status: 504, fault: 'model' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** A known failure: carries a catalog code, a message that names the fix, and the original cause. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
  }
}

/** The JSON body every error response carries. */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}
