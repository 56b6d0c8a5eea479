// The UI's configuration: pure functions over a Vite-style env object, so tests can pass their own.

/** Deployment environments the UI knows about. */
export type Environment = 'development' | 'staging' | 'production';

/** The subset of `import.meta.env` the UI reads. */
export interface ConfigEnv {
  readonly VITE_API_BASE_URL?: string | undefined;
  readonly VITE_ENVIRONMENT?: string | undefined;
  readonly MODE?: string | undefined;
}

/** The resolved, frozen UI configuration. */
export interface AppConfig {
  readonly environment: Environment;
  /** Origin (and optional path prefix) of the API, without a trailing slash; '' means same origin. */
  readonly apiBaseUrl: string;
  /** Full base URL of Better Auth's routes, or a same-origin path. */
  readonly authBasePath: string;
  /** Log unexpected errors to the console with their cause. */
  readonly debug: boolean;
  /** Longest chat message the server accepts. */
  readonly maxMessageLength: number;
}

/** Raised by `getConfig` when the env object holds a bad value; the message names every fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** One line per problem found. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid UI configuration:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

const ENVIRONMENTS: readonly Environment[] = ['development', 'staging', 'production'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isEnvironment(value: string): value is Environment {
  return ENVIRONMENTS.some((known) => known === value);
}

function resolveEnvironment(env: ConfigEnv): string {
  const explicit = env.VITE_ENVIRONMENT?.trim();
  if (explicit) return explicit;
  return env.MODE === 'production' ? 'production' : 'development';
}

/** Checks an env object and returns one clear message per problem (empty when it is valid). */
export function validateConfig(env: ConfigEnv): string[] {
  const problems: string[] = [];
  const environment = resolveEnvironment(env);
  if (!isEnvironment(environment)) {
    problems.push(
      `VITE_ENVIRONMENT is "${environment}": set it to one of ${ENVIRONMENTS.join(', ')} (or leave it unset)`,
    );
  }
  const base = env.VITE_API_BASE_URL?.trim();
  if (!base) return problems;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    problems.push(
      `VITE_API_BASE_URL is "${base}": set it to an absolute URL such as https://api.example.com (or leave it unset for same origin)`,
    );
    return problems;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`VITE_API_BASE_URL uses "${url.protocol}": use an http:// or https:// URL`);
  } else if (
    environment !== 'development' &&
    url.protocol === 'http:' &&
    !LOCAL_HOSTS.has(url.hostname)
  ) {
    problems.push(
      `VITE_API_BASE_URL is plain http in ${environment}: use https:// so session cookies and tokens stay private`,
    );
  }
  if (url.search || url.hash) {
    problems.push('VITE_API_BASE_URL has a query or fragment: give only the origin and an optional path prefix');
  }
  return problems;
}

/** Resolves the configuration for the given env (development / staging / production); throws ConfigError. */
export function getConfig(env: ConfigEnv): AppConfig {
  const problems = validateConfig(env);
  if (problems.length > 0) throw new ConfigError(problems);
  const environment = resolveEnvironment(env);
  const apiBaseUrl = (env.VITE_API_BASE_URL?.trim() ?? '').replace(/\/+$/, '');
  return Object.freeze({
    environment: isEnvironment(environment) ? environment : 'development',
    apiBaseUrl,
    authBasePath: `${apiBaseUrl}/api/auth`,
    debug: environment === 'development',
    maxMessageLength: 4000,
  });
}

/** Fills `{name}` placeholders in a path template with URL-encoded params; throws on a missing one. */
export function buildApiUrl(
  template: string,
  params: Readonly<Record<string, string | number | undefined>> = {},
  baseUrl = '',
): string {
  const path = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new Error(`buildApiUrl: missing parameter "${name}" for ${template}`);
    }
    return encodeURIComponent(String(value));
  });
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
