// Unit tests for the incremental Server-Sent Events parser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser } from '../src/api/sse';

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const parser = new SseParser();
    const events = parser.push('event: delta\ndata: {"text":"Hi"}\n\nevent: done\ndata: {}\n\n');
    assert.deepEqual(events, [
      { event: 'delta', data: '{"text":"Hi"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('joins events split across chunks at any point, including inside CRLF', () => {
    const text = 'event: delta\r\ndata: {"text":"a"}\r\n\r\n: keep-alive\r\n\r\ndata: plain\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      assert.deepEqual(
        events,
        [
          { event: 'delta', data: '{"text":"a"}' },
          { event: 'message', data: 'plain' },
        ],
        `cut at ${cut}`,
      );
    }
  });

  it('joins multi-line data and ignores unknown fields and comments', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('id: 1\nretry: 5\ndata: a\ndata:b\n: note\n\n'), [{ event: 'message', data: 'a\nb' }]);
  });

  it('does not dispatch an event whose blank line has not arrived', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('event: done\ndata: {"conversation_id":1'), []);
  });

  it('keeps the reconnection delay the server asks for (retry:), and ignores one that is not a number', () => {
    const parser = new SseParser();
    assert.equal(parser.retry, null);
    parser.push('retry: 3000\n\n');
    assert.equal(parser.retry, 3000);
    parser.push('retry: soon\n\n');
    assert.equal(parser.retry, 3000);
  });
});
