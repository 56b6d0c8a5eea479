// The activity list: every change, newest first, grouped as it was made, with where it came from and Undo.
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/http';
import type { ActivityEntry } from '../api/schemas';
import { useActivity } from '../hooks/useActivity';
import type { UndoOutcome } from '../hooks/useUndo';
import { canUndo, describeChanges, groupActivity, opVerb, sourceLabel, type ActivityGroup } from '../lib/activity';
import { browserTimeZone } from '../lib/due';
import { formatTime } from '../lib/time';
import { ErrorBanner } from './ErrorBanner';
import { Icon } from './Icon';

interface ActivityViewProps {
  readonly api: ApiClient;
  readonly onUndo: (groupId: string) => Promise<UndoOutcome>;
  /** Says something in the dialog's status line. */
  readonly announce: (text: string) => void;
  readonly onSessionExpired: () => void;
}

function Entry({ entry, timeZone }: { entry: ActivityEntry; timeZone: string }) {
  const changes = describeChanges(entry, { timeZone });
  return (
    <li className="activity-entry" data-testid="activity-entry" data-op={entry.op} data-task-id={entry.task_id}>
      <span className="activity-entry__what">
        <span className="activity-entry__verb">{opVerb(entry.op)}</span> <span className="task__id">#{entry.task_id}</span>{' '}
        <span data-testid="activity-title">{entry.title}</span>
      </span>
      {changes.length > 0 && (
        <ul className="activity-entry__changes" data-testid="activity-changes">
          {changes.map((change) => (
            <li key={change.field}>
              {change.field}: {change.from} <span aria-hidden="true">→</span>
              <span className="sr-only">changed to</span> {change.to}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function undoName(group: ActivityGroup): string {
  const [first] = group.entries;
  const what = first ? `${opVerb(first.op)} “${first.title}”` : 'these changes';
  const more = group.entries.length - 1;
  return `Undo: ${what}${more > 0 ? ` and ${more} more` : ''}`;
}

function Group({ group, timeZone, onUndo }: { group: ActivityGroup; timeZone: string; onUndo: (group: ActivityGroup) => void }) {
  return (
    <li
      className={`activity-group${group.undone ? ' activity-group--undone' : ''}`}
      id={`activity-${group.id}`}
      tabIndex={-1}
      data-testid="activity-group"
      data-group-id={group.id}
      data-source={group.source}
      data-undone={group.undone}
    >
      <div className="activity-group__head">
        <span className="badge" data-testid="activity-source">
          {sourceLabel(group.source, group.client)}
        </span>
        <time className="activity-group__time" dateTime={group.createdAt} title={new Date(group.createdAt).toLocaleString()}>
          {formatTime(group.createdAt)}
        </time>
        {group.undoes && <span className="badge">Undid an earlier change</span>}
        {group.undone && (
          <span className="badge badge--undone" data-testid="activity-undone">
            Undone
          </span>
        )}
        {canUndo(group) && (
          <button type="button" className="button button--small activity-group__undo" aria-label={undoName(group)} onClick={() => onUndo(group)} data-testid="activity-undo">
            <Icon name="undo" />
            Undo
          </button>
        )}
      </div>
      <ul className="activity-group__entries">
        {group.entries.map((entry) => (
          <Entry key={entry.id} entry={entry} timeZone={timeZone} />
        ))}
      </ul>
    </li>
  );
}

/** The journal, a page at a time ("Load more"); Undo on each group of changes that still stands. */
export function ActivityView({ api, onUndo, announce, onSessionExpired }: ActivityViewProps) {
  const activity = useActivity(api, onSessionExpired);
  const timeZone = browserTimeZone();
  const groups = groupActivity(activity.entries);
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  // Where the focus goes once the list re-renders: the group just undone, or the end of the list.
  const focusNext = useRef<(() => HTMLElement | null | undefined) | null>(null);

  useEffect(() => {
    const pick = focusNext.current;
    if (!pick || activity.loading) return;
    focusNext.current = null;
    pick()?.focus();
  }, [activity.entries, activity.loading, activity.hasMore]);

  async function undo(group: ActivityGroup) {
    const outcome = await onUndo(group.id);
    announce(outcome.message);
    // The Undo button goes with the answer: the group it undid takes the focus.
    focusNext.current = () => list.current?.querySelector<HTMLElement>(`[data-group-id="${group.id}"]`);
    // Refused (undone elsewhere meanwhile, say): the newest page shows how things stand.
    await (outcome.ok ? activity.showUndone(group.id) : activity.reload());
  }

  if (activity.entries.length === 0) {
    return (
      <div className="history__empty" role="status" data-testid={activity.loading ? 'activity-loading' : 'activity-empty'}>
        {activity.error ? (
          <ErrorBanner testId="activity-error" message={activity.error} onRetry={() => void activity.reload()} />
        ) : (
          <p>{activity.loading ? 'Loading activity…' : 'No changes yet. What you add, change, complete or delete shows here.'}</p>
        )}
      </div>
    );
  }
  return (
    <div className="activity" aria-busy={activity.loading}>
      <ol className="activity__list" ref={list} aria-label="Changes, newest first" data-testid="activity-list">
        {groups.map((group) => (
          <Group key={`${group.id}-${group.entries[0]?.id ?? 0}`} group={group} timeZone={timeZone} onUndo={(g) => void undo(g)} />
        ))}
      </ol>
      {activity.error && <ErrorBanner testId="activity-error" message={activity.error} onRetry={() => void activity.loadMore()} />}
      {activity.hasMore ? (
        <button
          type="button"
          className="button button--small activity__more"
          aria-disabled={activity.loading}
          onClick={(e) => {
            if (activity.loading) return;
            // The button goes when the last page is in: the end of the list takes the focus then.
            if (e.currentTarget === document.activeElement) focusNext.current = () => end.current;
            void activity.loadMore();
          }}
          data-testid="activity-more"
        >
          {activity.loading ? 'Loading…' : 'Load more'}
        </button>
      ) : (
        <p className="activity__end" ref={end} tabIndex={-1} data-testid="activity-end">
          That is everything.
        </p>
      )}
    </div>
  );
}
