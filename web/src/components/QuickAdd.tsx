// The quick-add field at the top of the task panel: the chat's phrasing, its meaning shown as chips before Enter.
import { useId, type ReactNode } from 'react';
import { asSentence } from '../api/errors';
import type { TaskDraft } from '../api/schemas';
import type { QuickAddState } from '../hooks/useQuickAdd';
import { formatDue, parseDue } from '../lib/due';
import { describeRepeat } from '../lib/repeat';
import { Icon, type IconName } from './Icon';

const PRIORITY_WORDS = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' } as const;

interface ChipProps {
  readonly kind: string;
  readonly icon?: IconName;
  /** Words for screen readers only, before the visible text ("due", "repeats"). */
  readonly said?: string;
  readonly children: ReactNode;
}

function Chip({ kind, icon, said, children }: ChipProps) {
  return (
    <li className={`chip chip--parsed chip--${kind}`} data-testid="quick-add-chip" data-kind={kind}>
      {icon && <Icon name={icon} />}
      {said && <span className="sr-only">{said} </span>}
      <span data-testid="quick-add-chip-text">{children}</span>
    </li>
  );
}

/** One parsed task as chips; the hidden words make the announcement a sentence rather than a string of labels. */
function DraftChips({ draft, timeZone }: { draft: TaskDraft; timeZone: string }) {
  const due = parseDue(draft.due_at);
  return (
    <ul className="chips quick-add__chips" aria-label={`New task: ${draft.title}`} data-testid="quick-add-task">
      <Chip kind="title">{draft.title}</Chip>
      {due && (
        <Chip kind="due" icon="calendar" said="due">
          {formatDue(due, { timeZone })}
        </Chip>
      )}
      {draft.priority && (
        <Chip kind="priority" icon="flag">
          {PRIORITY_WORDS[draft.priority]}
        </Chip>
      )}
      {draft.tags.map((tag) => (
        <Chip key={tag} kind="tag">
          #{tag}
        </Chip>
      ))}
      {draft.repeat && (
        <Chip kind="repeat" icon="repeat" said="repeats">
          {describeRepeat(draft.repeat)}
        </Chip>
      )}
      {draft.description && <Chip kind="description">{draft.description}</Chip>}
    </ul>
  );
}

/** The field, what it understood, and why it refused; Enter adds. */
export function QuickAdd({ state, timeZone }: { state: QuickAddState; timeZone: string }) {
  const id = useId();
  const { text, preview, error, added, busy } = state;
  return (
    <form
      className="quick-add"
      data-testid="quick-add"
      onSubmit={(e) => {
        e.preventDefault();
        void state.submit();
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Quick add a task
      </label>
      <div className="quick-add__row">
        <input
          id={`${id}-input`}
          className="quick-add__input"
          value={text}
          placeholder="Quick add: call mom fri 5pm"
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-preview${error ? ` ${id}-error` : ''}`}
          onChange={(e) => state.setText(e.target.value)}
          data-testid="quick-add-input"
        />
        <button type="submit" className="icon-button quick-add__submit" aria-label="Add task" disabled={busy} data-testid="quick-add-submit">
          <Icon name="plus" />
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="quick-add-error">
          {asSentence(error)}
        </p>
      )}
      {/* Polite and atomic: read once when the preview settles after typing stops, not per keystroke. */}
      <div id={`${id}-preview`} className="quick-add__preview" role="status" data-testid="quick-add-preview">
        {preview?.map((draft, index) => <DraftChips key={index} draft={draft} timeZone={timeZone} />)}
        {added && !preview && (
          <p className="quick-add__added" data-testid="quick-add-added">
            {added}
          </p>
        )}
      </div>
    </form>
  );
}
