// A small incremental parser for Server-Sent Events read from a fetch body (EventSource cannot POST).

/** One dispatched SSE event. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** Feeds text chunks in, gets complete events out; follows the WHATWG event-stream rules we need. */
export class SseParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];
  /** The reconnection delay the server last asked for (`retry:`), in ms; null until it asks. */
  retry: number | null = null;

  /** Adds a decoded chunk and returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    // A trailing '\r' may be half of a '\r\n' split across chunks: keep it for the next push.
    const pattern = /\r\n|\r(?!$)|\n/g;
    let start = 0;
    for (let match = pattern.exec(this.buffer); match; match = pattern.exec(this.buffer)) {
      const event = this.line(this.buffer.slice(start, match.index));
      if (event) events.push(event);
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return null;
  }

  private dispatch(): SseEvent | null {
    const event = { event: this.eventName || 'message', data: this.dataLines.join('\n') };
    const hadData = this.dataLines.length > 0;
    this.eventName = '';
    this.dataLines = [];
    return hadData ? event : null;
  }
}
