// The conversation's messages, newest at the bottom, following the stream as it grows.
import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../hooks/useChat';
import { formatTime } from '../lib/time';
import { ToolChips } from './ToolChips';

interface MessageListProps {
  readonly messages: readonly ChatMessage[];
  readonly loading: boolean;
  readonly onExample: (text: string) => void;
}

const EXAMPLES = ['add buy milk', 'what do I have to do?', 'I bought the milk'];

function TypingIndicator() {
  return (
    <span className="typing" data-testid="typing-indicator" role="status" aria-label="Assistant is typing">
      <span />
      <span />
      <span />
    </span>
  );
}

function Message({ message }: { message: ChatMessage }) {
  const waiting = message.streaming && message.content === '' && message.toolCalls.length === 0;
  const time = formatTime(message.createdAt);
  return (
    <li
      className={`message message--${message.role}`}
      data-testid={`message-${message.role}`}
      aria-busy={message.streaming}
    >
      <span className="sr-only">{message.role === 'user' ? 'You said' : 'Assistant said'}</span>
      <div className="message__bubble">
        {waiting ? <TypingIndicator /> : <p className="message__text" data-testid="message-text">{message.content}</p>}
        <ToolChips calls={message.toolCalls} />
      </div>
      {time && !message.streaming && (
        <time className="message__time" dateTime={message.createdAt}>
          {time}
        </time>
      )}
    </li>
  );
}

/** Lists the messages, or tells a new user what to type. */
export function MessageList({ messages, loading, onExample }: MessageListProps) {
  const box = useRef<HTMLDivElement>(null);
  // Follow the stream only while the reader is at the bottom: scrolling up to read must not be undone.
  const atBottom = useRef(true);
  const last = messages[messages.length - 1];

  useEffect(() => {
    const el = box.current;
    if (el && (atBottom.current || last?.role === 'user')) el.scrollTop = el.scrollHeight;
  }, [messages.length, last?.role, last?.content, last?.toolCalls.length]);

  if (loading && messages.length === 0) {
    return (
      <div className="messages messages--empty" data-testid="messages-loading" role="status">
        Loading conversation…
      </div>
    );
  }
  if (messages.length === 0) {
    return (
      <div className="messages messages--empty" data-testid="chat-empty">
        <h2>What needs doing?</h2>
        <p>Tell me in plain words and I will keep your list. Try:</p>
        <ul className="examples">
          {EXAMPLES.map((text) => (
            <li key={text}>
              <button type="button" className="example" onClick={() => onExample(text)}>
                “{text}”
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  // The scrolling box is the log: focusable, so the conversation scrolls from the keyboard too; the list
  // inside keeps its list semantics.
  return (
    <div
      className="messages"
      data-testid="message-list"
      ref={box}
      role="log"
      aria-label="Messages"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      }}
    >
      <ol className="messages__list">
        {messages.map((message) => (
          <Message key={message.key} message={message} />
        ))}
      </ol>
    </div>
  );
}
