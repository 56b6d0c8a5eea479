// Records every module specifier resolved after start-up that names Sentry, then prints them as
// `PROBE [...]`. Run with `node --import tsx`:
//   import-probe.ts main      the real entry point (listening, then SIGTERM to itself)
//   import-probe.ts reporter  only createErrorReporter with SENTRY_DSN from the environment
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const hook = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  if (/sentry/i.test(specifier)) port.postMessage(specifier);
  return next(specifier, context);
}`;

const seen: string[] = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (message: unknown) => seen.push(String(message)));
port1.unref();
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });

async function report(): Promise<void> {
  // Messages from the loader thread arrive asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.stdout.write(`PROBE ${JSON.stringify([...new Set(seen)])}\n`);
}

if (process.argv[2] === 'reporter') {
  const { createErrorReporter } = await import('../../../src/observability/error-reporter.js');
  const { createLogger } = await import('../../../src/observability/logger.js');
  const reporter = await createErrorReporter({ dsn: process.env.SENTRY_DSN, environment: 'test', release: 'test', logger: createLogger({ level: 'silent', version: 'test', environment: 'test' }) });
  await report();
  await reporter.flush(100);
  process.exit(0);
} else {
  // main.ts awaits listen() at its top level: the import resolves once the server is up.
  await import('../../../src/main.js');
  await report();
  process.kill(process.pid, 'SIGTERM');
}
