// The bell in the top bar: the unread count in its name and on a badge; it opens the notifications dialog.
import { Icon } from './Icon';

interface NotificationBellProps {
  readonly unread: number;
  readonly onOpen: () => void;
}

/** "Notifications, 2 unread"; the badge shows 99+ beyond 99. */
export function NotificationBell({ unread, onOpen }: NotificationBellProps) {
  return (
    <button
      type="button"
      className="icon-button bell"
      aria-label={`Notifications, ${unread} unread`}
      aria-haspopup="dialog"
      onClick={onOpen}
      data-testid="notification-bell"
      data-unread={unread}
    >
      <Icon name="bell" />
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
