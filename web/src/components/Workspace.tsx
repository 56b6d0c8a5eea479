// The signed-in screen: conversations, chat and tasks, wired to one API client.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Auth, SessionUser } from '../api/auth';
import { createApiClient } from '../api/http';
import type { ChatResult, UndoResult } from '../api/schemas';
import type { AppConfig } from '../config';
import { useChat } from '../hooks/useChat';
import { useConversations } from '../hooks/useConversations';
import { useQuickAdd } from '../hooks/useQuickAdd';
import { useTasks } from '../hooks/useTasks';
import { useTimezoneSync } from '../hooks/useTimezoneSync';
import { useUndoActions } from '../hooks/useUndoActions';
import { loadActiveConversation, loadDraft, saveActiveConversation, saveDraft } from '../lib/storage';
import { ChatPanel } from './ChatPanel';
import { MESSAGE_BOX_ID } from './Composer';
import { ConversationSidebar } from './ConversationSidebar';
import { Header } from './Header';
import { HistoryDialog } from './HistoryDialog';
import { ApiKeysDialog } from './ApiKeys';
import { TaskPanel } from './TaskPanel';
import { Toast } from './Toast';

type Drawer = 'chats' | 'tasks' | null;

interface WorkspaceProps {
  readonly config: AppConfig;
  readonly auth: Auth;
  readonly user: SessionUser;
  readonly onSignOut: () => void;
  readonly onSessionExpired: () => void;
}

/** Everything a signed-in user sees; on a phone the sidebar and the task panel become drawers. */
export function Workspace({ config, auth, user, onSignOut, onSessionExpired }: WorkspaceProps) {
  const api = useMemo(() => createApiClient(config, auth, user.id), [config, auth, user.id]);
  const [activeId, setActiveId] = useState<number | null>(() => loadActiveConversation(user.id));
  const [draft, setDraft] = useState(() => loadDraft(user.id));
  const [taskVersion, setTaskVersion] = useState(0);
  const [drawer, setDrawer] = useState<Drawer>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const conversations = useConversations(api, onSessionExpired);
  const { refresh: refreshConversations } = conversations;
  const reloadTasks = useCallback(() => setTaskVersion((v) => v + 1), []);

  const open = useCallback(
    (id: number | null) => {
      setActiveId(id);
      saveActiveConversation(user.id, id);
    },
    [user.id],
  );

  const onTurnComplete = useCallback(
    (result: ChatResult) => {
      open(result.conversation_id);
      void refreshConversations();
      if (result.tool_calls.length > 0) reloadTasks();
    },
    [open, refreshConversations, reloadTasks],
  );
  const chat = useChat(api, activeId, useMemo(() => ({ onTurnComplete, onSessionExpired }), [onTurnComplete, onSessionExpired]));
  const { markUndone } = chat;
  // Undone from anywhere (a reply, the toast, the activity list): the replies of that group say so, the panel reloads.
  const onUndone = useCallback(
    (result: UndoResult) => {
      markUndone(result.group_id);
      reloadTasks();
    },
    [markUndone, reloadTasks],
  );
  const undo = useUndoActions(api, onUndone, onSessionExpired);
  const tasks = useTasks(api, taskVersion, onSessionExpired, undo.offerUndo);
  const timezone = useTimezoneSync(api, onSessionExpired);
  const quickAdd = useQuickAdd(api, tasks.add, onSessionExpired);

  // A remembered conversation that is gone (deleted elsewhere) falls back to a new chat, once, at start.
  const checkedRemembered = useRef(false);
  useEffect(() => {
    if (checkedRemembered.current || !conversations.loaded || conversations.error) return;
    checkedRemembered.current = true;
    if (activeId !== null && !conversations.conversations.some((c) => c.id === activeId)) open(null);
  }, [conversations.loaded, conversations.error, conversations.conversations, activeId, open]);

  useEffect(() => {
    if (!drawer) return;
    // Move focus into the drawer that just opened so keyboard users land in it.
    document.getElementById(drawer === 'chats' ? 'conversations' : 'tasks')?.querySelector<HTMLElement>('button, input')?.focus();
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawer(null);
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [drawer]);

  const changeDraft = useCallback(
    (text: string) => {
      setDraft(text);
      saveDraft(user.id, text); // kept across reloads and an expired session
    },
    [user.id],
  );

  const send = useCallback(async () => {
    const text = draft;
    if (!text.trim()) return;
    setDraft('');
    if (await chat.send(text.trim())) saveDraft(user.id, '');
    else setDraft((current) => (current === '' ? text : current)); // a failed turn never loses the message
  }, [draft, chat, user.id]);

  async function signOut() {
    try {
      await auth.signOut();
    } catch (cause) {
      console.warn('sign-out request failed; clearing the local session anyway', cause);
    }
    onSignOut();
  }

  return (
    <div className="workspace" data-drawer={drawer ?? 'none'} data-testid="workspace">
      <a className="skip-link" href={`#${MESSAGE_BOX_ID}`} data-testid="skip-link">
        Skip to the message box
      </a>
      <Header
        user={user}
        drawer={drawer}
        onToggle={(d) => setDrawer((current) => (current === d ? null : d))}
        onHistory={() => {
          // The page behind the dialog is inert: a toast there could be neither used nor dismissed.
          undo.toast.dismiss();
          setDrawer(null);
          setHistoryOpen(true);
        }}
        onSettings={() => {
          undo.toast.dismiss();
          setDrawer(null);
          setSettingsOpen(true);
        }}
        onSignOut={() => void signOut()}
      />
      <ConversationSidebar
        id="conversations"
        state={conversations}
        activeId={activeId}
        onOpen={(id) => {
          open(id);
          setDrawer(null);
        }}
        onDeleted={(id) => {
          if (id === activeId) open(null);
        }}
      />
      <ChatPanel chat={chat} draft={draft} onDraftChange={changeDraft} onSend={() => void send()} onUndo={undo.undoAndSay} maxLength={config.maxMessageLength} />
      <TaskPanel id="tasks" state={tasks} timezone={timezone} quickAdd={quickAdd} />
      {drawer && <button type="button" className="backdrop" aria-label="Close panel" onClick={() => setDrawer(null)} tabIndex={-1} />}
      <Toast toast={undo.toast.toast} onDismiss={undo.toast.dismiss} />
      {settingsOpen && <ApiKeysDialog authBasePath={config.authBasePath} onClose={() => setSettingsOpen(false)} />}
      {historyOpen && (
        <HistoryDialog
          api={api}
          onUndo={undo.undo}
          onRestored={reloadTasks}
          onClose={() => setHistoryOpen(false)}
          onSessionExpired={onSessionExpired}
        />
      )}
    </div>
  );
}
