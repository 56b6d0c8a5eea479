import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'must be a size like 16MB, 512kB or 1GB').default('16MB'),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().min(1).optional(),
  LOG_FILE_SIZE: z.string().regex(/^\d+[kmg]?$/i, 'must be a size like 10m, 500k or 1g').default('10m'),
  LOG_FILE_FREQUENCY: z.enum(['daily', 'hourly']).default('daily'),
  LOG_FILE_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  MODEL_PROVIDER: z.enum(['local', 'openai']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AGENT_TRACING: boolFromEnv.default(false),
  AGENT_MAX_TURNS: z.coerce.number().int().min(1).max(50).default(8),
  CHAT_HISTORY_WINDOW: z.coerce.number().int().min(0).max(500).default(20),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(30),
  REMINDER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  WEB_DIST_DIR: z.string().min(1).optional(),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'must be a Bearer token: letters, digits and . _ ~ + / - only')
    .optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).optional(),
  SENTRY_DSN: z.url().optional(),
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'must be the URL-safe base64 public key `npx web-push generate-vapid-keys` prints').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the URL-safe base64 private key `npx web-push generate-vapid-keys` prints').optional(),
  VAPID_SUBJECT: z.string().regex(/^(https:\/\/\S+|mailto:\S+@\S+)$/, 'must be an https: URL or a mailto: address').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().min(3).max(320).optional(),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
});

/** What each variable is for, so a start-up failure can say how to fix it. */
const fixes: Partial<Record<keyof z.input<typeof envSchema>, string>> = {
  DATABASE_URL: 'set it to postgres://user:password@host:5432/db, or unset it to use the embedded database',
  BETTER_AUTH_SECRET: 'set it to 32+ random characters (e.g. `openssl rand -base64 32`)',
  PORT: 'set it to a port number between 0 and 65535',
  PUBLIC_URL: 'set it to the URL users reach this server at, e.g. https://todo.example.com',
  OPENAI_BASE_URL: 'set it to the base URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1',
  LOG_FILE: 'set it to a file path such as ./logs/app.log, or unset it to log to stdout only',
  LOG_FILE_SIZE: 'set it to the size at which the log file is rotated, e.g. 10m',
  LOG_FILE_FREQUENCY: 'set it to daily or hourly',
  LOG_FILE_KEEP: 'set it to how many rotated log files to keep, e.g. 14',
  METRICS_TOKEN: 'set it to 16+ random characters (e.g. `openssl rand -hex 24`), or unset it',
  METRICS_PORT: 'set it to a port number for the internal metrics listener, or unset it',
  VAPID_PUBLIC_KEY: 'set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to a pair from `npx web-push generate-vapid-keys`, or unset both',
  VAPID_PRIVATE_KEY: 'set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to a pair from `npx web-push generate-vapid-keys`, or unset both',
  VAPID_SUBJECT: 'set it to a contact push services can reach you at, e.g. mailto:ops@example.com or https://todo.example.com',
  SMTP_URL: 'set it to smtp://user:password@host:587 (or smtps://…:465), or unset it to send no e-mail',
  SMTP_FROM: 'set it to the sender of notification e-mails, e.g. "Todo <todo@example.com>"',
  SENTRY_DSN: 'set it to the DSN from your Sentry project settings (https://<key>@<host>/<project>), or unset it',
};

export type Config = Readonly<
  Omit<z.infer<typeof envSchema>, 'MODEL_PROVIDER' | 'CORS_ORIGINS' | 'METRICS_HOST'> & {
    MODEL_PROVIDER: 'local' | 'openai';
    /** Where the internal metrics listener binds (METRICS_PORT); defaults to HOST. */
    METRICS_HOST: string;
    CORS_ORIGINS: readonly string[];
    PUBLIC_URL: string;
    VERSION: string;
  }
>;

/** A configuration problem, reported as one line naming the variable and the fix. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** What an entry point needs beyond the defaults. */
export interface LoadConfigOptions {
  /** False for commands that serve no sign-in and sign no token (stdio MCP): production then does not need BETTER_AUTH_SECRET. */
  authSecretRequired?: boolean;
}

/** Parse the environment into a frozen Config; the only place that reads environment variables. */
export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.0.0', options: LoadConfigOptions = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment') as keyof typeof fixes;
    const fix = fixes[name];
    throw new ConfigError(`${name} is invalid: ${issue.message}${fix ? `; ${fix}` : ''}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.BETTER_AUTH_SECRET && options.authSecretRequired !== false) {
    throw new ConfigError(`BETTER_AUTH_SECRET is missing: ${fixes.BETTER_AUTH_SECRET} (required when NODE_ENV=production)`);
  }
  const provider = c.MODEL_PROVIDER ?? (c.OPENAI_API_KEY ? 'openai' : 'local');
  if (provider === 'openai' && !c.OPENAI_API_KEY) {
    throw new ConfigError('OPENAI_API_KEY is missing: set it (any non-empty value for a local server such as Ollama) or set MODEL_PROVIDER=local');
  }
  const corsOrigins = c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS is invalid: "${origin}" is not an origin; use a comma-separated list like https://app.example.com,http://localhost:5173`);
    }
  }
  if (c.METRICS_PORT !== undefined && c.METRICS_PORT !== 0 && c.METRICS_PORT === c.PORT) {
    throw new ConfigError(`METRICS_PORT is invalid: it equals PORT (${c.PORT}); pick another port for the internal metrics listener, or unset it`);
  }
  if (!c.VAPID_PUBLIC_KEY !== !c.VAPID_PRIVATE_KEY) {
    const missing = c.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
    throw new ConfigError(`${missing} is missing: ${fixes.VAPID_PUBLIC_KEY}`);
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    ...c,
    MODEL_PROVIDER: provider,
    CORS_ORIGINS: Object.freeze(corsOrigins),
    PUBLIC_URL: publicUrl,
    METRICS_HOST: c.METRICS_HOST ?? c.HOST,
    VERSION: version,
  });
}
