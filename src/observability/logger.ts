import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubText } from './scrub.js';

/** Paths pino masks in every log line: credentials, tokens, keys, and database URLs (password only). */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'res.headers["set-auth-token"]',
  'res.headers["set-auth-jwt"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  'apiKey',
  'api_key',
  'databaseUrl',
  'database_url',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.api_key',
  '*.authorization',
  '*.databaseUrl',
  '*.database_url',
  'err.config.headers',
];

/** Mask a URL's password (postgres://user:secret@host → postgres://user:***@host); anything else is hidden whole. */
export function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  if (typeof value === 'string' && /url$/i.test(key)) return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return '[REDACTED]';
}

export interface LoggerOptions {
  level: string;
  version: string;
  environment: string;
  /** Where lines go (stdout by default; the stdio MCP server and tests pass another stream). */
  destination?: DestinationStream;
  /** Also write every line here: the rotated LOG_FILE (see `logFileStream`). */
  file?: DestinationStream;
}

/** A log file rotated by size and by day or hour, keeping `keep` rotated files (LOG_FILE_*). */
export interface LogFileOptions {
  path: string;
  size: string;
  frequency: 'daily' | 'hourly';
  keep: number;
}

/** A pino transport: a destination stream that runs in a worker thread and must be ended to let the process exit. */
export type LogFileStream = DestinationStream & { end(): void };

/**
 * The rotated log file as a pino transport (pino-roll, in pino's worker thread, flushed at exit). Its folder is
 * created and checked here, so a path the process cannot write stops start-up with the reason instead of
 * failing later in the worker.
 */
export function logFileStream(file: LogFileOptions): LogFileStream {
  const directory = path.dirname(path.resolve(file.path));
  mkdirSync(directory, { recursive: true });
  accessSync(directory, constants.W_OK);
  return pino.transport({
    target: 'pino-roll',
    options: { file: file.path, size: file.size, frequency: file.frequency, mkdir: true, dateFormat: 'yyyy-MM-dd', limit: { count: file.keep } },
  });
}

/** Where a logger's lines go: the destination (stdout by default), and the log file too when one is set. */
function destinationOf(options: LoggerOptions): DestinationStream | undefined {
  if (!options.file) return options.destination;
  // The logger's own level filters first; each stream takes whatever passes it.
  return pino.multistream([
    { level: 'trace', stream: options.destination ?? pino.destination(1) },
    { level: 'trace', stream: options.file },
  ]);
}

/** JSON-lines logger: timestamp, level label, msg, version and environment on every line, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { version: options.version, environment: options.environment },
      messageKey: 'msg',
      timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor },
      // Error text can carry secrets redact paths cannot reach: drizzle appends a failed query's bound
      // parameters (user ids, session tokens) to its message.
      serializers: { err: serializeError },
    },
    destinationOf(options),
  );
}

/** pino's error serializer, with secrets inside the message and stack masked. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: scrubText(serialized.message),
    stack: serialized.stack ? scrubText(serialized.stack) : serialized.stack,
    // drizzle keeps a failed query's bound parameters (user ids, session tokens) on the error itself too.
    ...('params' in serialized ? { params: '[Filtered]' } : {}),
  };
}

/** The first 8 characters of a user id: enough to correlate lines, not enough to identify. */
export function anonymiseUserId(userId: string | undefined): string | undefined {
  return userId ? userId.slice(0, 8) : undefined;
}

/** A library's log call (level, message, extra arguments) as a pino line, with the same scrubbing as ours. */
export function forwardLog(logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>, source: string) {
  return (level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]): void => {
    const error = args.find((arg) => arg instanceof Error);
    const rest = args.filter((arg) => arg !== error);
    // A library's "error" about a request it refused with a 4xx (a wrong API key, a bad token) is the caller's
    // fault, not the server's: noted at info, so error-level alerts mean something is broken here.
    const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
    const callerFault = typeof status === 'number' && status >= 400 && status < 500;
    logger[callerFault && (level === 'error' || level === 'warn') ? 'info' : level]({ source, err: error, detail: rest.length ? describe(rest) : undefined }, scrubText(message));
  };
}

function describe(values: unknown[]): string {
  try {
    return scrubText(JSON.stringify(values, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)));
  } catch {
    return '[unserialisable]';
  }
}
