import type * as SentryNode from '@sentry/node';
import type { FastifyBaseLogger } from 'fastify';
import { anonymiseUserId } from './logger.js';
import { scrubEvent } from './scrub.js';

/** What an error report carries besides the error: never a secret, never a full user id. */
export interface ErrorContext {
  requestId?: string;
  /** The authenticated user's id: anonymised before it leaves the process. */
  userId?: string;
  method?: string;
  /** The route pattern, e.g. /api/:userId/chat. */
  route?: string;
}

/** Sends unexpected errors somewhere a human will see them (Sentry), or nowhere. */
export interface ErrorReporter {
  readonly enabled: boolean;
  /** Report one error; the same error object is reported once however often it is passed. */
  capture(error: unknown, context?: ErrorContext): void;
  /** Wait (at most timeoutMs) for queued reports to be sent; called on shutdown. */
  flush(timeoutMs: number): Promise<void>;
}

/** The reporter used when SENTRY_DSN is unset: it loads nothing and sends nothing. */
export const disabledErrorReporter: ErrorReporter = {
  enabled: false,
  capture: () => undefined,
  flush: async () => undefined,
};

export interface ErrorReporterOptions {
  dsn?: string;
  environment: string;
  release: string;
  logger: FastifyBaseLogger;
}

type SentryModule = typeof SentryNode;

/** Loads the Sentry SDK; only ever called when a DSN is configured (tests pass their own loader). */
export type SentryLoader = () => Promise<SentryModule>;

const loadSentry: SentryLoader = () => import('@sentry/node');

/** Sentry when a DSN is set (the SDK is imported only then), otherwise the disabled reporter. */
export async function createErrorReporter(options: ErrorReporterOptions, load: SentryLoader = loadSentry): Promise<ErrorReporter> {
  if (!options.dsn) return disabledErrorReporter;
  const Sentry = await load();
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    // Collect nothing about users or requests by default; we attach the request id and anonymised user ourselves.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      genAI: { inputs: false, outputs: false },
      mcp: { inputs: false, outputs: false },
      databaseQueryData: false,
      stackFrameVariables: false,
    },
    // Only what error reporting needs: no HTTP/console/AI instrumentation that would record requests,
    // prompts or log lines, no tracing, no breadcrumbs.
    defaultIntegrations: false,
    integrations: [
      Sentry.linkedErrorsIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.nodeContextIntegration(),
      Sentry.onUncaughtExceptionIntegration(),
      // 'strict' keeps Node's own behaviour: an unhandled rejection still ends the process.
      Sentry.onUnhandledRejectionIntegration({ mode: 'strict' }),
    ],
    maxBreadcrumbs: 0,
    beforeSend: (event) => scrubEvent(event),
  });
  options.logger.info({ environment: options.environment }, 'error reporting to Sentry is on');
  const reported = new WeakSet<object>();
  return {
    enabled: true,
    capture(error, context = {}) {
      if (typeof error === 'object' && error !== null) {
        if (reported.has(error)) return;
        reported.add(error);
      }
      Sentry.withScope((scope) => {
        if (context.requestId) scope.setTag('request_id', context.requestId);
        if (context.method) scope.setTag('http.method', context.method);
        if (context.route) scope.setTag('http.route', context.route);
        const anonymous = anonymiseUserId(context.userId);
        if (anonymous) scope.setUser({ id: anonymous });
        Sentry.captureException(error);
      });
    },
    async flush(timeoutMs) {
      await Sentry.flush(timeoutMs);
    },
  };
}
