// The activity list: the journal a page at a time, newest first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { ActivityEntry } from '../api/schemas';
import { listActivity } from '../api/trust';

/** How many changes one page asks for. */
export const ACTIVITY_PAGE = 25;

/** What the activity view renders and can do. */
export interface ActivityState {
  readonly entries: readonly ActivityEntry[];
  readonly loading: boolean;
  readonly error: string | null;
  /** The last page was full, so there may be older changes. */
  readonly hasMore: boolean;
  /** Loads the next older page (after the last entry shown). */
  loadMore(): Promise<void>;
  /** Loads the newest page again (after a failure). */
  reload(): Promise<void>;
  /** After an undo: marks the group's entries undone and adds the changes made since (the undo's) on top. */
  showUndone(groupId: string): Promise<void>;
}

/** Loads the user's changes, the newest page first. */
export function useActivity(api: ApiClient, onSessionExpired: () => void): ActivityState {
  const [entries, setEntries] = useState<readonly ActivityEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  // A reload started after "Load more" must win over the older page's answer.
  const latest = useRef(0);

  const load = useCallback(
    async (before: number | undefined) => {
      const request = ++latest.current;
      setLoading(true);
      try {
        const page = await listActivity(api, { limit: ACTIVITY_PAGE, before });
        if (request !== latest.current) return;
        setEntries((shown) => (before === undefined ? page : [...shown, ...page]));
        setHasMore(page.length === ACTIVITY_PAGE);
        setError(null);
      } catch (cause) {
        if (request !== latest.current) return;
        if (cause instanceof SessionExpiredError) onSessionExpired();
        setError(`Could not load the activity: ${describeError(cause)}`);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [api, onSessionExpired],
  );

  useEffect(() => {
    void load(undefined);
  }, [load]);

  const loadMore = useCallback(() => load(entries[entries.length - 1]?.id), [load, entries]);
  const reload = useCallback(() => load(undefined), [load]);

  // The pages already loaded stay: the group undone may be far down, and the reader is looking at it.
  const showUndone = useCallback(
    async (groupId: string) => {
      const request = ++latest.current;
      try {
        const page = await listActivity(api, { limit: ACTIVITY_PAGE });
        if (request !== latest.current) return;
        setEntries((shown) => {
          const newest = shown[0]?.id ?? 0;
          const fresh = page.filter((entry) => entry.id > newest);
          // A whole page of changes since: the list would have a hole, so it starts over.
          if (fresh.length === page.length && page.length === ACTIVITY_PAGE) return page;
          return [...fresh, ...shown.map((entry) => (entry.group_id === groupId ? { ...entry, undone: true } : entry))];
        });
        setError(null);
      } catch (cause) {
        if (request !== latest.current) return;
        if (cause instanceof SessionExpiredError) onSessionExpired();
        setError(`Could not load the activity: ${describeError(cause)}`);
      }
    },
    [api, onSessionExpired],
  );
  return { entries, loading, error, hasMore, loadMore, reload, showUndone };
}
