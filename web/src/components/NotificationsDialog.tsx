// The notifications dialog, opened from the bell: the latest notifications (mark read), "Notify me in this
// browser", and the notification settings (daily digest, webhook, e-mail).
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/http';
import type { AppNotification } from '../api/notifications';
import type { BrowserAlertsState } from '../hooks/useBrowserAlerts';
import type { NotificationsState } from '../hooks/useNotifications';
import { browserTimeZone, formatDue, parseDue } from '../lib/due';
import { Icon } from './Icon';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { Segmented } from './Segmented';

type View = 'inbox' | 'settings';

const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'inbox', label: 'Notifications' },
  { value: 'settings', label: 'Settings' },
];

interface NotificationsDialogProps {
  readonly api: ApiClient;
  readonly state: NotificationsState;
  readonly alerts: BrowserAlertsState;
  readonly onClose: () => void;
  readonly onSessionExpired: () => void;
}

function when(value: string, timeZone: string): string {
  const due = parseDue(value);
  return due ? formatDue(due, { timeZone }) : value;
}

function Item({ notification, timeZone, onRead }: { notification: AppNotification; timeZone: string; onRead: (id: number) => void }) {
  const kind = notification.kind === 'digest' ? 'Daily digest' : 'Reminder';
  return (
    <li
      className={`notification${notification.read ? '' : ' notification--unread'}`}
      data-testid="notification-item"
      data-id={notification.id}
      data-read={notification.read}
      data-late={notification.late ?? false}
    >
      <div className="notification__head">
        <span className="notification__kind">
          <Icon name="bell" />
          {kind}
        </span>
        <time className="notification__time" dateTime={notification.fire_at}>
          {when(notification.fire_at, timeZone)}
        </time>
        {notification.late && (
          <span className="badge badge--late" data-testid="notification-late">
            Late
          </span>
        )}
        {!notification.read && <span className="sr-only">, unread</span>}
      </div>
      <p className="notification__title" data-testid="notification-title">
        {notification.title}
      </p>
      {notification.body && <p className="notification__body">{notification.body}</p>}
      {!notification.read && (
        <button
          type="button"
          className="button button--small notification__read"
          onClick={() => onRead(notification.id)}
          aria-label={`Mark read: ${notification.title}`}
          data-testid="notification-mark-read"
        >
          <Icon name="check" />
          Mark read
        </button>
      )}
    </li>
  );
}

function BrowserAlerts({ alerts }: { alerts: BrowserAlertsState }) {
  if (alerts.status === 'unsupported') return null;
  const reach = alerts.push ? 'even when this app is closed' : 'while this tab is open in the background';
  return (
    <section className="alerts" aria-label="Browser notifications" data-testid="browser-alerts" data-status={alerts.status} data-push={alerts.push}>
      {alerts.status === 'on' && (
        <>
          <p className="alerts__text">This browser shows your reminders {reach}.</p>
          <button type="button" className="button button--small" disabled={alerts.busy} onClick={() => void alerts.disable()} data-testid="browser-alerts-off">
            Turn off
          </button>
        </>
      )}
      {alerts.status === 'off' && (
        <>
          <p className="alerts__text">Get your reminders from the browser {reach}.</p>
          <button type="button" className="button button--small button--primary" disabled={alerts.busy} onClick={() => void alerts.enable()} data-testid="browser-alerts-on">
            Notify me in this browser
          </button>
        </>
      )}
      {alerts.status === 'denied' && <p className="alerts__text">This browser blocks notifications from this site: allow them in its site settings to get reminders here.</p>}
      {alerts.error && (
        <p className="field-error" role="alert">
          {alerts.error}
        </p>
      )}
    </section>
  );
}

/** A native modal <dialog> like History: Escape closes it and the focus goes back to the bell. */
export function NotificationsDialog({ api, state, alerts, onClose, onSessionExpired }: NotificationsDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<View>('inbox');
  const timeZone = browserTimeZone();

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="history notifications"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      data-testid="notifications-dialog"
    >
      <div className="history__box">
        <header className="history__header">
          <h2 id={`${id}-title`}>Notifications</h2>
          <button type="button" className="icon-button" aria-label="Close notifications" onClick={() => dialog.current?.close()} data-testid="notifications-close">
            <Icon name="close" />
          </button>
        </header>
        <Segmented label="Show" options={VIEWS} value={view} onChange={setView} testIdPrefix="notifications-view-" />
        <div className="history__body" data-testid={`notifications-${view}`}>
          {view === 'inbox' ? (
            <>
              <BrowserAlerts alerts={alerts} />
              {state.error && (
                <p className="field-error" role="alert" data-testid="notifications-error">
                  {state.error}
                </p>
              )}
              {state.unread > 0 && (
                <button type="button" className="button button--small notifications__all" onClick={() => void state.markAllRead()} data-testid="notifications-mark-all">
                  Mark all read
                </button>
              )}
              {state.items.length === 0 ? (
                <p className="history__empty" data-testid="notifications-empty">
                  {state.loaded ? 'No notifications yet. Add a reminder to a task (“remind me to call mom at 5pm”) and it shows up here.' : 'Loading…'}
                </p>
              ) : (
                <ol className="notifications__list" data-testid="notifications-list">
                  {state.items.map((n) => (
                    <Item key={n.id} notification={n} timeZone={timeZone} onRead={(nid) => void state.markRead(nid)} />
                  ))}
                </ol>
              )}
            </>
          ) : (
            <NotificationSettingsForm api={api} onSessionExpired={onSessionExpired} />
          )}
        </div>
      </div>
    </dialog>
  );
}
