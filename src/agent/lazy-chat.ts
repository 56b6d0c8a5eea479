// The chat service behind a loader: the agent SDK, the engine as its model and the turn code load in the
// background once the server listens (`warm`), or on the first turn that needs them, which then waits.
import type { ChatService } from './turn.js';

/** A chat service loaded on first use or by `warm()`; a failed load is retried by the next turn. */
export function lazyChatService(load: () => Promise<ChatService>): ChatService & { warm(): void } {
  let loading: Promise<ChatService> | undefined;
  const service = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return {
    // A failure here is the first turn's to report (it retries the load): nothing to do with it in the background.
    warm: () => void service().catch(() => undefined),
    prepare: async (...args: Parameters<ChatService['prepare']>) => (await service()).prepare(...args),
    run: async (...args: Parameters<ChatService['run']>) => (await service()).run(...args),
    async close() {
      const loaded = await loading?.catch(() => undefined);
      await loaded?.close();
    },
  };
}
