// The server as one bundle: dist/main.js (and the chunks it imports on demand in dist/chunks/) built from src/main.ts
// with every dependency inside. Node then reads a handful of files at start instead of ~1,900 modules, and the
// resolving, reading and compiling of those was most of the start-up: start to healthy 1.96–2.30 → 0.84–0.93 s on
// Postgres, 2.9–3.4 → 1.9–2.2 s on PGlite, and ~45 MB less memory (docs/benchmarks.md). Run by `npm run build:server` after tsc,
// whose dist/ the CLI tools (mcp-stdio, migrate, build-template) still run from.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Left in node_modules: packages that read their own files at run time. PGlite loads its WebAssembly and data
// files next to its modules, pino and pino-roll start worker threads from files, Sentry instruments modules as
// they load, and pg's native binding is optional and absent.
const EXTERNAL = ['@electric-sql/pglite', 'pino', 'pino-roll', '@sentry/node', 'pg-native'];

// The benchmarks bundle into their own copy of dist/ (BUNDLE_OUTDIR); npm run build:server into dist/.
const outdir = process.env.BUNDLE_OUTDIR ?? 'dist';
rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
const result = await build({
  entryPoints: { main: 'src/main.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Dynamic imports (the agent runtime, the OpenAI provider, a database driver) stay separate chunks, loaded when used.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  external: EXTERNAL,
  // Less to read and parse; names are kept, so a stack trace still says which function threw.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false,
  // The CommonJS dependencies inside an ES module bundle call require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});
// What the bundle still imports at run time (Node's built-ins and the packages above): test/ops/server-bundle.test.ts
// checks it, so a dependency that stops being bundled is noticed.
const runtimeImports = new Set(Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)));
writeFileSync(path.join(outdir, 'main.imports.json'), `${JSON.stringify([...runtimeImports].sort(), null, 1)}\n`);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`server bundle ready: ${path.join(outdir, 'main.js')} (${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length} files, ${(bytes / 1e6).toFixed(1)} MB with source maps)`);
