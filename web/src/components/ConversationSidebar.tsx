// The conversations list: start a new chat or pick up an old one.
import type { ConversationsState } from '../hooks/useConversations';
import { useFocusAfterChange, visibleIn } from '../hooks/useFocusAfterChange';
import { ConversationItem } from './ConversationItem';
import { ErrorBanner } from './ErrorBanner';
import { Icon } from './Icon';

interface ConversationSidebarProps {
  readonly id: string;
  readonly state: ConversationsState;
  readonly activeId: number | null;
  readonly onOpen: (id: number | null) => void;
  readonly onDeleted: (id: number) => void;
}

/** Conversations, most recent first, with new / rename / delete. */
export function ConversationSidebar({ id, state, activeId, onOpen, onDeleted }: ConversationSidebarProps) {
  const { conversations, loaded, error } = state;
  // A deleted conversation takes the focused Delete button with it: move the focus to the one that took its
  // place, or to "New chat" when none is left, rather than to the page.
  const refocus = useFocusAfterChange<HTMLElement>(conversations);

  return (
    <nav className="panel sidebar" id={id} ref={refocus.root} aria-labelledby={`${id}-title`} data-testid="conversation-sidebar">
      <header className="panel__header">
        <h2 id={`${id}-title`}>Conversations</h2>
      </header>
      <button
        type="button"
        className="button button--primary sidebar__new"
        onClick={() => onOpen(null)}
        data-testid="new-conversation"
      >
        <Icon name="plus" /> New chat
      </button>
      {error && <ErrorBanner testId="conversations-error-banner" message={error} onRetry={() => void state.refresh()} />}
      {loaded && conversations.length === 0 ? (
        <p className="empty" data-testid="conversations-empty">
          No conversations yet. Your first message starts one.
        </p>
      ) : (
        <ul className="sidebar__list" data-testid="conversation-list" aria-label="Your conversations">
          {conversations.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              conversation={conversation}
              active={conversation.id === activeId}
              onOpen={onOpen}
              onRename={state.rename}
              onDelete={(cid) => {
                const index = conversations.findIndex((c) => c.id === cid);
                refocus.after((root) => {
                  const rows = visibleIn(root, '.conversation__open');
                  return rows[Math.min(index, rows.length - 1)] ?? root.querySelector<HTMLElement>('.sidebar__new');
                });
                void state.remove(cid).then((removed) => {
                  if (removed) onDeleted(cid);
                });
              }}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}
