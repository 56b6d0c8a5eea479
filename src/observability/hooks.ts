// The measuring hooks other layers call, as plain interfaces: the agent, the model wrapper and the
// database wrapper depend on these, never on prom-client or the HTTP layer that implements them.

/** How something ended: the `outcome` label of every metric that has one. */
export type Outcome = 'ok' | 'error';

/**
 * What a chat turn reports (src/agent/chat.ts calls these). The provider label is bound when the
 * metrics are created, so the caller passes only what it measured.
 */
export interface ChatMetrics {
  /** One chat turn ended (`run`: agent loop and persistence), after `seconds`. */
  observeTurn(outcome: Outcome, seconds: number): void;
  /** One MCP tool call ended; a tool that answered isError counts as `error`. */
  countToolCall(tool: string, outcome: Outcome): void;
}

/** What a model wrapper reports for each call to the language model. */
export interface ModelMetrics {
  /** One model request ended after `seconds`; `errorKind` (timeout, http_429, connection, other) when it failed. */
  observeModelCall(seconds: number, errorKind?: string): void;
}

/** What a database wrapper reports for each round trip it times. */
export interface DbMetrics {
  /** One database round trip, by operation (`ping` for the health probe). */
  observeDbQuery(operation: string, seconds: number): void;
}

/** What a reminder or digest delivery ended as, per channel (`in_app` for the notification itself). */
export type DeliveryOutcome = 'delivered' | 'late' | 'dropped' | 'retry' | 'failed';

/** What the notification scheduler reports. */
export interface NotifyMetrics {
  /** A reminder reached a channel (or did not); `lagSeconds`: how long after its time it was delivered (the scheduler lag). */
  observeReminder(channel: string, outcome: DeliveryOutcome, lagSeconds?: number): void;
}
