// The message box: Enter sends, Shift+Enter starts a new line, the limit shows as it nears.
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { Icon } from './Icon';

interface ComposerProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onSend: () => void;
  readonly sending: boolean;
  readonly maxLength: number;
}

/** The message box's id: the workspace's skip link points at it. */
export const MESSAGE_BOX_ID = 'message-box';

// Show the counter from 90% of the limit: earlier it is noise.
const COUNTER_FROM = 0.9;
let markedReady = false;

/** The composer; disabled while a turn is in flight, focused again when it ends. */
export function Composer({ value, onChange, onSend, sending, maxLength }: ComposerProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const length = value.length;
  const tooLong = length > maxLength;
  const canSend = !sending && value.trim() !== '' && !tooLong;

  const wasSending = useRef(false);

  useEffect(() => {
    const finishedTurn = wasSending.current;
    wasSending.current = sending;
    if (sending) return;
    // On touch screens focusing on load would pop the keyboard up over the conversation.
    if (finishedTurn || window.matchMedia('(pointer: fine)').matches) box.current?.focus();
    if (!markedReady) {
      markedReady = true;
      // Read by the browser test that measures load-to-interactive.
      performance.mark('composer-ready');
    }
  }, [sending]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [value]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  }

  return (
    <form
      className="composer"
      data-testid="composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label htmlFor={MESSAGE_BOX_ID} className="sr-only">
        Message
      </label>
      <textarea
        id={MESSAGE_BOX_ID}
        ref={box}
        className="composer__box"
        data-testid="composer-input"
        rows={1}
        value={value}
        placeholder="Message — e.g. add buy milk"
        disabled={sending}
        aria-invalid={tooLong}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        className="button button--primary composer__send"
        data-testid="composer-send"
        disabled={!canSend}
        aria-label={sending ? 'Sending' : 'Send message'}
      >
        <Icon name="send" />
      </button>
      <p id={`${id}-hint`} className={`composer__hint${tooLong ? ' composer__hint--error' : ''}`}>
        {length >= maxLength * COUNTER_FROM ? (
          <span data-testid="composer-counter">
            {length.toLocaleString()} / {maxLength.toLocaleString()}
            {tooLong && ` — ${(length - maxLength).toLocaleString()} too many`}
          </span>
        ) : (
          <span className="sr-only">Enter sends, Shift+Enter adds a line.</span>
        )}
      </p>
    </form>
  );
}
