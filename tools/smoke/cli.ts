import { parseArgs } from 'node:util';
import { formatReport, runSmoke } from './run.js';

const usage = 'usage: npm run smoke -- --url https://todo.example.com [--origin URL] [--max-chat-ms 5000] [--max-db-ms 5] [--timeout-ms 30000]';

/** `npm run smoke -- --url <deployment>`: the twelve smoke checks, a pass/fail table, exit 1 on any failure. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      origin: { type: 'string' },
      'max-chat-ms': { type: 'string', default: '5000' },
      'max-db-ms': { type: 'string', default: '5' },
      'timeout-ms': { type: 'string', default: '30000' },
    },
  });
  const numbers = [values['max-chat-ms'], values['max-db-ms'], values['timeout-ms']].map(Number);
  if (!values.url || !URL.canParse(values.url) || numbers.some((n) => !(n > 0))) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const [maxChatMs = 5000, maxDbLatencyMs = 5, timeoutMs = 30000] = numbers;
  const report = await runSmoke({ url: values.url, origin: values.origin, maxChatMs, maxDbLatencyMs, timeoutMs });
  process.stdout.write(`${formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Smoke test could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
