// The top bar: app name, drawer toggles on small screens, History, the user and sign-out.
import type { SessionUser } from '../api/auth';
import { Icon } from './Icon';

interface HeaderProps {
  readonly user: SessionUser;
  readonly drawer: 'chats' | 'tasks' | null;
  readonly onToggle: (drawer: 'chats' | 'tasks') => void;
  readonly onHistory: () => void;
  /** Opens the settings (personal API keys). */
  readonly onSettings?: () => void;
  readonly onSignOut: () => void;
}

/** The header bar; the Chats and Tasks buttons only show where the panels do not fit. */
export function Header({ user, drawer, onToggle, onHistory, onSettings, onSignOut }: HeaderProps) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button topbar__toggle"
        aria-label="Conversations"
        aria-controls="conversations"
        aria-expanded={drawer === 'chats'}
        onClick={() => onToggle('chats')}
        data-testid="toggle-conversations"
      >
        <Icon name="chats" />
      </button>
      <h1 className="topbar__title">Todo Chat</h1>
      <span className="topbar__user" data-testid="current-user" title={user.email}>
        {user.name || user.email}
      </span>
      <button type="button" className="button button--small topbar__history" onClick={onHistory} aria-haspopup="dialog" data-testid="open-history">
        <Icon name="history" />
        <span className="topbar__label">History</span>
      </button>
      {onSettings && (
        <button type="button" className="button button--small" onClick={onSettings} aria-haspopup="dialog" data-testid="open-settings">
          Settings
        </button>
      )}
      <button type="button" className="button button--small" onClick={onSignOut} data-testid="sign-out">
        Sign out
      </button>
      <button
        type="button"
        className="icon-button topbar__toggle"
        aria-label="Tasks"
        aria-controls="tasks"
        aria-expanded={drawer === 'tasks'}
        onClick={() => onToggle('tasks')}
        data-testid="toggle-tasks"
      >
        <Icon name="tasks" />
      </button>
    </header>
  );
}
