// The task editor's reminders: the list (each removable) and a row to add one — at the due time, some minutes
// before it, or at a date and time. Changes go out with the editor's Save.
import { forwardRef, useId, useState, type KeyboardEvent } from 'react';
import { asSentence } from '../api/errors';
import type { Reminder } from '../api/schemas';
import { addReminder, describeReminder, localDateTime } from '../lib/reminders';
import { Icon } from './Icon';

type Kind = 'due' | 'before' | 'at';

interface ReminderEditorProps {
  readonly reminders: readonly Reminder[];
  readonly onChange: (reminders: readonly Reminder[]) => void;
  /** Whether the form has a due date (relative reminders need one). */
  readonly hasDue: boolean;
  readonly timeZone: string;
  /** The server's refusal of the reminders, said under them. */
  readonly refusal: string | null;
}

/** The reminders fieldset; the ref is its "Add a reminder" menu, where the focus goes after a refusal. */
export const ReminderEditor = forwardRef<HTMLSelectElement, ReminderEditorProps>(function ReminderEditor(
  { reminders, onChange, hasDue, timeZone, refusal },
  kindRef,
) {
  const id = useId();
  const [kind, setKind] = useState<Kind>(hasDue ? 'due' : 'at');
  const [minutes, setMinutes] = useState('30');
  const [at, setAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const message = problem ?? (refusal ? asSentence(refusal) : null);

  function add() {
    let reminder: Reminder;
    if (kind === 'at') {
      const local = localDateTime(at);
      if (!local) return setProblem('Pick a date and a time for the reminder.');
      reminder = { at: local };
    } else {
      if (!hasDue) return setProblem('Set a due date first, or remind at a date and time.');
      const before = kind === 'due' ? 0 : Number(minutes);
      if (kind === 'before' && (!Number.isInteger(before) || before < 1)) return setProblem('Minutes before must be a whole number, 1 or more.');
      reminder = { minutes_before: before };
    }
    setProblem(null);
    onChange(addReminder(reminders, reminder));
  }

  // Enter in the minutes or date field adds the reminder (rather than saving the task without it).
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  const errorId = `${id}-error`;
  return (
    <fieldset className="reminders" data-testid="reminder-editor">
      <legend>Reminders</legend>
      {reminders.length === 0 ? (
        <p className="reminders__none">No reminders</p>
      ) : (
        <ul className="reminders__list" data-testid="reminder-list">
          {reminders.map((reminder, index) => {
            const text = describeReminder(reminder, { timeZone });
            return (
              <li key={index} className="reminders__item" data-testid="reminder-item">
                <Icon name="bell" />
                <span>{text}</span>
                <button
                  type="button"
                  className="icon-button reminders__remove"
                  aria-label={`Remove reminder: ${text}`}
                  onClick={() => onChange(reminders.filter((_, i) => i !== index))}
                  data-testid="reminder-remove"
                >
                  <Icon name="close" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="reminders__add">
        <div className="editor-field editor-field--grow">
          <label htmlFor={`${id}-kind`}>Add a reminder</label>
          <select
            ref={kindRef}
            id={`${id}-kind`}
            className="editor-input"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setProblem(null);
            }}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? errorId : undefined}
            data-testid="reminder-kind"
          >
            <option value="due">At the due time</option>
            <option value="before">Minutes before the due time</option>
            <option value="at">At a date and time</option>
          </select>
        </div>
        {kind === 'before' && (
          <div className="editor-field editor-field--minutes">
            <label htmlFor={`${id}-minutes`}>Minutes</label>
            <input
              id={`${id}-minutes`}
              className="editor-input"
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              onKeyDown={addOnEnter}
              data-testid="reminder-minutes"
            />
          </div>
        )}
        {kind === 'at' && (
          <div className="editor-field editor-field--grow">
            <label htmlFor={`${id}-at`}>Date and time</label>
            <input id={`${id}-at`} className="editor-input" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} onKeyDown={addOnEnter} data-testid="reminder-at" />
          </div>
        )}
        <button type="button" className="button button--small reminders__add-button" onClick={add} data-testid="reminder-add">
          <Icon name="plus" />
          Add
        </button>
      </div>
      {message && (
        <p className="field-error" id={errorId} role="alert" data-testid="reminder-error">
          {message}
        </p>
      )}
    </fieldset>
  );
});
