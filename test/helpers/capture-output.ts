// Everything the process writes to stdout and stderr while `fn` runs (libraries such as Better Auth log to the
// console, past the app's redacting logger), still passed through to the terminal.

/** Run `fn` and return what was written to stdout/stderr meanwhile. */
export async function captureOutput(fn: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap = (original: typeof process.stdout.write): typeof process.stdout.write =>
    function write(this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      return Reflect.apply(original, process.stdout, [chunk, ...rest]);
    };
  process.stdout.write = tap(originals.out);
  process.stderr.write = tap(originals.err);
  try {
    await fn();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
  return chunks.join('');
}
