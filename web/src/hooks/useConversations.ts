// State of the conversations sidebar.
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteConversation, listConversations, renameConversation } from '../api/conversations';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { Conversation } from '../api/schemas';

/** What the sidebar renders and can do. */
export interface ConversationsState {
  readonly conversations: readonly Conversation[];
  readonly loaded: boolean;
  readonly error: string | null;
  refresh(): Promise<void>;
  /** Renames; resolves with the server's reason when it refuses the name (shown by the field), or null. */
  rename(id: number, title: string): Promise<string | null>;
  remove(id: number): Promise<boolean>;
}

/** Loads the user's conversations (most recent first) and renames or deletes them. */
export function useConversations(api: ApiClient, onSessionExpired: () => void): ConversationsState {
  const [conversations, setConversations] = useState<readonly Conversation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const fail = useCallback(
    (cause: unknown, what: string) => {
      if (cause instanceof SessionExpiredError) onSessionExpired();
      setError(`${what}: ${describeError(cause)}`);
    },
    [onSessionExpired],
  );

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const list = await listConversations(api);
      if (request !== latest.current) return;
      setConversations(list);
      setError(null);
    } catch (cause) {
      if (request === latest.current) fail(cause, 'Could not load conversations');
    } finally {
      if (request === latest.current) setLoaded(true);
    }
  }, [api, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Not optimistic: a refused name must stay in the field with the reason, not flash and revert.
  const rename = useCallback(
    async (id: number, title: string): Promise<string | null> => {
      try {
        await renameConversation(api, id, title);
      } catch (cause) {
        if (cause instanceof SessionExpiredError) onSessionExpired();
        return describeError(cause);
      }
      setConversations((list) => list.map((c) => (c.id === id ? { ...c, title } : c)));
      void refresh();
      return null;
    },
    [api, refresh, onSessionExpired],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        await deleteConversation(api, id);
        setConversations((list) => list.filter((c) => c.id !== id));
        return true;
      } catch (cause) {
        fail(cause, 'Could not delete the conversation');
        return false;
      } finally {
        void refresh();
      }
    },
    [api, fail, refresh],
  );

  return { conversations, loaded, error, refresh, rename, remove };
}
