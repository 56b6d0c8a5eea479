// History: the activity list and "Recently deleted", in a modal dialog opened from the top bar.
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/http';
import type { Task } from '../api/schemas';
import type { UndoOutcome } from '../hooks/useUndo';
import { ActivityView } from './ActivityView';
import { Icon } from './Icon';
import { Segmented } from './Segmented';
import { TrashView } from './TrashView';

/** The two views of the dialog. */
type HistoryView = 'activity' | 'trash';

const VIEWS: readonly { value: HistoryView; label: string }[] = [
  { value: 'activity', label: 'Activity' },
  { value: 'trash', label: 'Recently deleted' },
];

interface HistoryDialogProps {
  readonly api: ApiClient;
  readonly onUndo: (groupId: string) => Promise<UndoOutcome>;
  readonly onRestored: (task: Task) => void;
  readonly onClose: () => void;
  readonly onSessionExpired: () => void;
}

/**
 * A native modal <dialog>: the page behind it is inert, Tab stays inside, Escape closes it, and the browser hands
 * the focus back to the button that opened it.
 */
export function HistoryDialog({ api, onUndo, onRestored, onClose, onSessionExpired }: HistoryDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<HistoryView>('activity');
  const [status, setStatus] = useState('');

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="history"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself, outside its content box.
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      data-testid="history-dialog"
    >
      <div className="history__box">
        <header className="history__header">
          <h2 id={`${id}-title`}>History</h2>
          <button type="button" className="icon-button" aria-label="Close history" onClick={() => dialog.current?.close()} data-testid="history-close">
            <Icon name="close" />
          </button>
        </header>
        <Segmented
          label="Show"
          options={VIEWS}
          value={view}
          onChange={(next) => {
            setView(next);
            setStatus('');
          }}
          testIdPrefix="history-view-"
        />
        <p className="history__status" role="status" data-testid="history-status">
          {status}
        </p>
        <div className="history__body" data-testid={`history-${view}`}>
          {view === 'activity' ? (
            <ActivityView api={api} onUndo={onUndo} announce={setStatus} onSessionExpired={onSessionExpired} />
          ) : (
            <TrashView api={api} onRestored={onRestored} announce={setStatus} onSessionExpired={onSessionExpired} />
          )}
        </div>
      </div>
    </dialog>
  );
}
