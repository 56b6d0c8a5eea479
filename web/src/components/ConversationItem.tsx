// One conversation in the sidebar: open, rename in place, delete after confirming.
import { useState, type KeyboardEvent } from 'react';
import type { Conversation } from '../api/schemas';
import { formatTime } from '../lib/time';
import { Icon } from './Icon';

interface ConversationItemProps {
  readonly conversation: Conversation;
  readonly active: boolean;
  readonly onOpen: (id: number) => void;
  readonly onRename: (id: number, title: string) => void;
  readonly onDelete: (id: number) => void;
}

/** The title a conversation shows before it has one. */
export function conversationTitle(conversation: Conversation): string {
  return conversation.title?.trim() || `Conversation ${conversation.id}`;
}

/** A sidebar row with its rename and delete controls. */
export function ConversationItem({ conversation, active, onOpen, onRename, onDelete }: ConversationItemProps) {
  const title = conversationTitle(conversation);
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(title);

  function finishRename(save: boolean) {
    setMode('view');
    const next = draft.trim();
    if (save && next && next !== title) onRename(conversation.id, next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') finishRename(true);
    else if (event.key === 'Escape') finishRename(false);
  }

  if (mode === 'rename') {
    return (
      <li className="conversation conversation--editing" data-testid="conversation-item">
        <input
          className="conversation__edit"
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finishRename(true)}
          aria-label={`New name for “${title}”`}
          data-testid="conversation-title-input"
        />
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li className="conversation conversation--confirm" data-testid="conversation-item" role="group" aria-label="Confirm delete">
        <p>Delete “{title}” and its messages?</p>
        <div className="conversation__confirm">
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => onDelete(conversation.id)}
            data-testid="conversation-delete-confirm"
            autoFocus
          >
            Delete
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('view')} data-testid="conversation-delete-cancel">
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className={`conversation${active ? ' conversation--active' : ''}`} data-testid="conversation-item" data-conversation-id={conversation.id}>
      <button
        type="button"
        className="conversation__open"
        onClick={() => onOpen(conversation.id)}
        aria-current={active ? 'page' : undefined}
        data-testid="conversation-open"
      >
        <span className="conversation__title" data-testid="conversation-title">{title}</span>
        <span className="conversation__time">{formatTime(conversation.updated_at ?? conversation.created_at)}</span>
      </button>
      <span className="conversation__actions">
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            setDraft(title);
            setMode('rename');
          }}
          aria-label={`Rename “${title}”`}
          data-testid="conversation-rename"
        >
          <Icon name="pencil" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          onClick={() => setMode('confirm-delete')}
          aria-label={`Delete “${title}”`}
          data-testid="conversation-delete"
        >
          <Icon name="trash" />
        </button>
      </span>
    </li>
  );
}
