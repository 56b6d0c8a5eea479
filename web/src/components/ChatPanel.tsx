// The chat column, the page's main landmark: failure banner, messages and composer.
import type { ChatState } from '../hooks/useChat';
import { Composer } from './Composer';
import { ErrorBanner } from './ErrorBanner';
import { MessageList, type UndoGroup } from './MessageList';

interface ChatPanelProps {
  readonly chat: ChatState;
  readonly draft: string;
  readonly onDraftChange: (text: string) => void;
  readonly onSend: () => void;
  readonly onUndo: UndoGroup;
  readonly maxLength: number;
}

/** The conversation on screen; a failed send puts the message back in the box and offers Retry. */
export function ChatPanel({ chat, draft, onDraftChange, onSend, onUndo, maxLength }: ChatPanelProps) {
  const { failure } = chat;
  return (
    <main className="chat" aria-label="Chat" data-testid="chat-panel">
      {failure && (
        <ErrorBanner
          testId="chat-error-banner"
          message={failure.kind === 'send' ? `${failure.message} Your message is kept in the box below.` : failure.message}
          onRetry={failure.kind === 'history' ? chat.reloadHistory : draft.trim() ? onSend : undefined}
          onDismiss={chat.dismissFailure}
        />
      )}
      <MessageList messages={chat.messages} loading={chat.loadingHistory} onExample={onDraftChange} onUndo={onUndo} />
      <Composer value={draft} onChange={onDraftChange} onSend={onSend} sending={chat.sending} maxLength={maxLength} />
    </main>
  );
}
