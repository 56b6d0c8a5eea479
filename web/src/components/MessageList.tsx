// The conversation's messages, newest at the bottom, following the stream as it grows.
import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../hooks/useChat';
import { formatTime } from '../lib/time';
import { isUndoOnly } from '../lib/turn-changes';
import { Icon } from './Icon';
import { ToolChips } from './ToolChips';

/** Takes back a reply's change group; resolves true when it was undone. */
export type UndoGroup = (groupId: string) => Promise<boolean>;

interface MessageListProps {
  readonly messages: readonly ChatMessage[];
  readonly loading: boolean;
  readonly onExample: (text: string) => void;
  readonly onUndo: UndoGroup;
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

/** Under a reply that changed tasks: Undo while its changes stand, "Changes undone" once they are taken back. */
function UndoControl({ message, onUndo }: { message: ChatMessage; onUndo: UndoGroup }) {
  const [busy, setBusy] = useState(false);
  const undoneLabel = useRef<HTMLSpanElement>(null);
  const focusLabel = useRef(false);
  const change = message.change;

  useEffect(() => {
    // The Undo button had the focus and is gone: the label that replaced it takes it.
    if (change?.undone && focusLabel.current) undoneLabel.current?.focus();
    focusLabel.current = false;
  }, [change?.undone]);

  if (!change || isUndoOnly(message.toolCalls)) return null;
  if (change.undone) {
    return (
      <span className="message__undone" ref={undoneLabel} tabIndex={-1} data-testid="message-undone">
        <Icon name="undo" />
        Changes undone
      </span>
    );
  }
  return (
    <button
      type="button"
      className="button button--small message__undo"
      aria-label="Undo these changes"
      // aria-disabled rather than disabled: a disabled button drops the keyboard focus to the page.
      aria-disabled={busy}
      onClick={async (e) => {
        if (busy) return;
        // Set before the answer: the reply may already show "Changes undone" when the promise settles.
        focusLabel.current = e.currentTarget === document.activeElement;
        setBusy(true);
        if (!(await onUndo(change.id))) focusLabel.current = false;
        setBusy(false);
      }}
      data-testid="message-undo"
    >
      <Icon name="undo" />
      Undo
    </button>
  );
}

function Message({ message, onUndo }: { message: ChatMessage; onUndo: UndoGroup }) {
  const waiting = message.streaming && message.content === '' && message.toolCalls.length === 0;
  const time = formatTime(message.createdAt);
  const undone = message.change?.undone === true;
  return (
    <li
      className={`message message--${message.role}${undone ? ' message--undone' : ''}`}
      data-testid={`message-${message.role}`}
      data-undone={message.change ? undone : undefined}
      aria-busy={message.streaming}
    >
      <span className="sr-only">{message.role === 'user' ? 'You said' : 'Assistant said'}</span>
      <div className="message__bubble">
        {waiting ? <TypingIndicator /> : <p className="message__text" data-testid="message-text">{message.content}</p>}
        <ToolChips calls={message.toolCalls} />
      </div>
      {!message.streaming && (
        <div className="message__footer">
          {time && (
            <time className="message__time" dateTime={message.createdAt}>
              {time}
            </time>
          )}
          <UndoControl message={message} onUndo={onUndo} />
        </div>
      )}
    </li>
  );
}

/** Lists the messages, or tells a new user what to type. */
export function MessageList({ messages, loading, onExample, onUndo }: MessageListProps) {
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
          <Message key={message.key} message={message} onUndo={onUndo} />
        ))}
      </ol>
    </div>
  );
}
