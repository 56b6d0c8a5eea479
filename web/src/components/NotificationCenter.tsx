// Notifications in the workspace: the bell (in the top bar), its dialog, the live stream, and what a notification
// arriving does — the toast, and the browser's Notification while the tab is hidden.
import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../api/http';
import type { AppNotification } from '../api/notifications';
import { showBrowserNotification, useBrowserAlerts } from '../hooks/useBrowserAlerts';
import { useNotifications } from '../hooks/useNotifications';
import { NotificationBell } from './NotificationBell';
import { NotificationsDialog } from './NotificationsDialog';

interface NotificationCenterProps {
  readonly api: ApiClient;
  /** Says a notification that just arrived (the workspace's toast). */
  readonly onArrive: (text: string) => void;
  /** The dialog is about to open: the page behind it becomes inert (close the toast and drawers). */
  readonly onOpen: () => void;
  readonly onSessionExpired: () => void;
}

/** What the toast says for a notification. */
export function arrivalText(notification: AppNotification): string {
  if (notification.kind === 'digest') return `Daily digest: ${notification.title}`;
  return `${notification.late ? 'Late reminder' : 'Reminder'}: ${notification.title}`;
}

/** The bell and, when open, the notifications dialog; follows the stream for as long as the workspace is shown. */
export function NotificationCenter({ api, onArrive, onOpen, onSessionExpired }: NotificationCenterProps) {
  const [open, setOpen] = useState(false);
  // With the dialog open the page behind it is inert (a toast there could not be dismissed), and the new
  // notification already shows at the top of the list.
  const dialogOpen = useRef(false);
  dialogOpen.current = open;
  const arrive = useCallback(
    (notification: AppNotification) => {
      if (!dialogOpen.current) onArrive(arrivalText(notification));
      showBrowserNotification(notification);
    },
    [onArrive],
  );
  const state = useNotifications(api, arrive, onSessionExpired);
  const alerts = useBrowserAlerts(api, onSessionExpired);
  return (
    <>
      <NotificationBell
        unread={state.unread}
        onOpen={() => {
          onOpen();
          setOpen(true);
        }}
      />
      {open && <NotificationsDialog api={api} state={state} alerts={alerts} onClose={() => setOpen(false)} onSessionExpired={onSessionExpired} />}
    </>
  );
}
