// One conversation in the sidebar: open, rename in place, delete after confirming.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { asSentence } from '../api/errors';
import type { Conversation } from '../api/schemas';
import { formatTime } from '../lib/time';
import { Icon } from './Icon';

interface ConversationItemProps {
  readonly conversation: Conversation;
  readonly active: boolean;
  readonly onOpen: (id: number) => void;
  /** Renames; resolves with the server's reason when it refuses the name, or null. */
  readonly onRename: (id: number, title: string) => Promise<string | null>;
  readonly onDelete: (id: number) => void;
}

/** The title a conversation shows before it has one. */
export function conversationTitle(conversation: Conversation): string {
  return conversation.title?.trim() || `Conversation ${conversation.id}`;
}

type Mode = 'view' | 'rename' | 'confirm-delete';

/** A sidebar row with its rename and delete controls. */
export function ConversationItem({ conversation, active, onOpen, onRename, onDelete }: ConversationItemProps) {
  const title = conversationTitle(conversation);
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(title);
  const [refusal, setRefusal] = useState<string | null>(null);
  const saving = useRef(false);
  // A ref, not `mode`: the blur of an input removed by Escape runs the old render's handler.
  const renaming = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const buttons = { rename: useRef<HTMLButtonElement>(null), delete: useRef<HTMLButtonElement>(null) };
  // The button that opened the rename or the confirmation gets the focus back when the row returns to view
  // (the input or the confirm buttons it had are gone, which would drop the focus to the page).
  const returnTo = useRef<'rename' | 'delete' | null>(null);
  const errorId = useId();

  useEffect(() => {
    const target = returnTo.current;
    if (mode !== 'view' || !target) return;
    returnTo.current = null;
    const focus = document.activeElement;
    if (!focus || focus === document.body) buttons[target].current?.focus();
  });

  function leave(to: 'rename' | 'delete') {
    renaming.current = false;
    returnTo.current = to;
    setRefusal(null);
    setMode('view');
  }

  async function finishRename() {
    if (saving.current || !renaming.current) return;
    const next = draft.trim();
    if (next === title) return leave('rename');
    saving.current = true;
    // An empty or over-long name goes to the server too: its refusal is the message shown by the field.
    const message = await onRename(conversation.id, next);
    saving.current = false;
    if (!message) return leave('rename');
    setRefusal(message);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') void finishRename();
    else if (event.key === 'Escape') {
      event.stopPropagation(); // cancels the rename, not the drawer around it
      leave('rename');
    }
  }

  if (mode === 'rename') {
    return (
      <li className="conversation conversation--editing" data-testid="conversation-item">
        <input
          ref={input}
          className="conversation__edit"
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => void finishRename()}
          aria-label={`New name for “${title}”`}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? errorId : undefined}
          data-testid="conversation-title-input"
        />
        {refusal && (
          <p className="field-error" id={errorId} role="alert" data-testid="conversation-rename-error">
            {asSentence(refusal)}
          </p>
        )}
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li className="conversation conversation--confirm" data-testid="conversation-item">
        <div className="conversation__confirm-box" role="group" aria-label="Confirm delete">
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
            <button type="button" className="button button--small" onClick={() => leave('delete')} data-testid="conversation-delete-cancel">
              Cancel
            </button>
          </div>
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
          ref={buttons.rename}
          type="button"
          className="icon-button"
          onClick={() => {
            setDraft(title);
            renaming.current = true;
            setMode('rename');
          }}
          aria-label={`Rename “${title}”`}
          data-testid="conversation-rename"
        >
          <Icon name="pencil" />
        </button>
        <button
          ref={buttons.delete}
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
