// Preloaded into the server the eval spawns (`node --import tsx --import ./tools/eval-nl/fake-clock.ts
// src/main.ts`): the process's clock stands at EVAL_NOW (an ISO instant) for the whole run, so "tomorrow"
// and "in 2 hours" in the phrasing tables mean what they expect however long the run takes. Like
// faketime: the app's code is not touched. (Timers and performance.now() are real time.)
const frozen = Date.parse(process.env.EVAL_NOW ?? '');
if (Number.isNaN(frozen)) throw new Error('EVAL_NOW is missing or not an ISO instant: set it to e.g. 2026-11-26T22:05:00Z');
const RealDate = Date;
const now = (): number => frozen;

// A proxy rather than a subclass: dates made before or after are the same class, and Date() called
// without new still answers a string.
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args: unknown[], newTarget) => Reflect.construct(target, args.length === 0 ? [frozen] : args, newTarget) as object,
  apply: () => new RealDate(frozen).toString(),
  get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver) as unknown),
});
