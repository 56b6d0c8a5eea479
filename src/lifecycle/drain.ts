import type { FastifyInstance, FastifyReply } from 'fastify';

/** One tracked request: `finished` once its response was sent in full. */
export interface InFlightEntry {
  finished: boolean;
}

/** Requests between arrival and the end of their response, Server-Sent Event streams included. */
export class InFlightRequests {
  private readonly active = new Set<InFlightEntry>();
  private waiters: (() => void)[] = [];

  /** How many requests are being served now. */
  get count(): number {
    return this.active.size;
  }

  /** Follow one request until its response closes (sent in full, or the connection dropped). */
  track(reply: FastifyReply, onEnd?: () => void): void {
    const entry: InFlightEntry = { finished: false };
    this.active.add(entry);
    // 'close' fires for every response, hijacked streams included; writableFinished tells a complete one.
    reply.raw.once('close', () => {
      entry.finished = reply.raw.writableFinished;
      this.active.delete(entry);
      onEnd?.();
      if (this.active.size === 0) this.wake();
    });
  }

  /** The requests in flight now, to count later how many of them completed. */
  snapshot(): readonly InFlightEntry[] {
    return [...this.active];
  }

  /** Resolves true once nothing is in flight, false if timeoutMs passes first. */
  async waitForIdle(timeoutMs: number): Promise<boolean> {
    if (this.active.size === 0) return true;
    return new Promise<boolean>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being served: graceful shutdown waits for them. */
    inFlight: InFlightRequests;
  }
}

/** What a drain did: requests in flight when it began, how many of them completed, how many were cut off. */
export interface DrainReport {
  in_flight_at_signal: number;
  completed: number;
  dropped: number;
  drain_ms: number;
}

/**
 * Graceful drain: readiness fails and new requests get 503 at once (the app's onRequest hook reads
 * `lifecycle.draining`) while the listener stays open, so late arrivals get a clear 503 rather than a
 * refused connection; in-flight requests get up to graceMs; whatever is left is then cut off, and the
 * server closes. The caller closes the database afterwards: in-flight requests still need it.
 */
export async function drainApp(app: FastifyInstance, lifecycle: { draining: boolean }, graceMs: number): Promise<DrainReport> {
  const started = performance.now();
  lifecycle.draining = true;
  const atSignal = app.inFlight.snapshot();
  const idle = await app.inFlight.waitForIdle(graceMs);
  if (!idle) app.server.closeAllConnections();
  await app.close();
  const completed = atSignal.filter((entry) => entry.finished).length;
  return {
    in_flight_at_signal: atSignal.length,
    completed,
    dropped: atSignal.length - completed,
    drain_ms: Math.round(performance.now() - started),
  };
}
