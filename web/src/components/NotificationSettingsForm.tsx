// Notification settings: the daily digest time (off by default), a webhook URL (its signing secret shown once
// set) and e-mail. Saved together with Save; a refusal is said under the form and the focus stays on Save.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { asSentence, describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import { getNotificationSettings, saveNotificationSettings, type NotificationSettings, type NotificationSettingsPatch } from '../api/notifications';

interface Fields {
  digest: boolean;
  digestTime: string;
  webhookUrl: string;
  email: boolean;
}

const DEFAULT_DIGEST_TIME = '08:00';

function fieldsOf(settings: NotificationSettings): Fields {
  return {
    digest: Boolean(settings.digest_time),
    digestTime: settings.digest_time ?? DEFAULT_DIGEST_TIME,
    webhookUrl: settings.webhook_url ?? '',
    email: settings.email_notifications ?? false,
  };
}

/** Only what changed, so saving the digest does not renew the webhook's secret. */
function patchOf(fields: Fields, saved: NotificationSettings): NotificationSettingsPatch {
  const digest = fields.digest ? fields.digestTime : null;
  const webhook = fields.webhookUrl.trim() || null;
  return {
    ...(digest !== (saved.digest_time ?? null) ? { digest_time: digest } : {}),
    ...(webhook !== (saved.webhook_url ?? null) ? { webhook_url: webhook } : {}),
    ...(fields.email !== (saved.email_notifications ?? false) ? { email_notifications: fields.email } : {}),
  };
}

/** The Settings view of the notifications dialog. */
export function NotificationSettingsForm({ api, onSessionExpired }: { api: ApiClient; onSessionExpired: () => void }) {
  const id = useId();
  const [saved, setSaved] = useState<NotificationSettings | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    getNotificationSettings(api)
      .then((settings) => {
        if (cancelled) return;
        setSaved(settings);
        setFields(fieldsOf(settings));
      })
      .catch((cause: unknown) => {
        if (cause instanceof SessionExpiredError) onSessionExpired();
        if (!cancelled) setError(`Could not load your settings: ${describeError(cause)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [api, onSessionExpired]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!fields || !saved || busy) return;
    const patch = patchOf(fields, saved);
    if (Object.keys(patch).length === 0) return setStatus('Nothing to save.');
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const next = await saveNotificationSettings(api, patch);
      setSaved(next);
      setFields(fieldsOf(next));
      setStatus('Settings saved.');
    } catch (cause) {
      if (cause instanceof SessionExpiredError) onSessionExpired();
      setError(asSentence(describeError(cause)));
    } finally {
      setBusy(false);
    }
  }

  if (!fields || !saved) {
    return error ? (
      <p className="field-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="history__empty">Loading…</p>
    );
  }
  const change = (next: Partial<Fields>) => setFields({ ...fields, ...next });
  return (
    <form className="notify-settings" onSubmit={(e) => void submit(e)} data-testid="notification-settings" aria-describedby={error ? `${id}-error` : undefined}>
      <fieldset className="notify-settings__group">
        <legend>Daily digest</legend>
        <label className="notify-settings__check">
          <input type="checkbox" className="check" checked={fields.digest} onChange={(e) => change({ digest: e.target.checked })} data-testid="digest-enabled" />
          Send me a summary of today’s tasks every day
        </label>
        <label className="notify-settings__field" htmlFor={`${id}-digest`}>
          At
        </label>
        <input
          id={`${id}-digest`}
          type="time"
          className="editor-input"
          value={fields.digestTime}
          disabled={!fields.digest}
          required={fields.digest}
          onChange={(e) => change({ digestTime: e.target.value })}
          data-testid="digest-time"
        />
      </fieldset>
      <fieldset className="notify-settings__group">
        <legend>Webhook</legend>
        <label htmlFor={`${id}-webhook`}>Also send each notification to this URL (ntfy, Slack-compatible or your own)</label>
        <input
          id={`${id}-webhook`}
          type="url"
          className="editor-input"
          inputMode="url"
          placeholder="https://ntfy.sh/my-topic"
          value={fields.webhookUrl}
          onChange={(e) => change({ webhookUrl: e.target.value })}
          data-testid="webhook-url"
        />
        {saved.webhook_url && saved.webhook_secret && (
          <p className="notify-settings__secret" data-testid="webhook-secret-row">
            Signing secret (HMAC-SHA256 of the body, in the <code>X-Todo-Signature</code> header):{' '}
            <code data-testid="webhook-secret">{saved.webhook_secret}</code>
          </p>
        )}
      </fieldset>
      <fieldset className="notify-settings__group">
        <legend>E-mail</legend>
        <label className="notify-settings__check">
          <input type="checkbox" className="check" checked={fields.email} onChange={(e) => change({ email: e.target.checked })} data-testid="email-notifications" />
          E-mail me each notification (when the server can send mail)
        </label>
      </fieldset>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="notification-settings-error">
          {error}
        </p>
      )}
      <p className="notify-settings__status" role="status" data-testid="notification-settings-status">
        {status}
      </p>
      <button type="submit" className="button button--small button--primary" disabled={busy} data-testid="notification-settings-save">
        Save
      </button>
    </form>
  );
}
