// Settings → Connected apps: the MCP connectors (OAuth clients) the user authorised, each with Disconnect.
import { useCallback, useEffect, useId, useState } from 'react';
import { describeError } from '../api/errors';
import type { ApiClient } from '../api/http';
import { describeScopes, listConnectedApps, revokeConnectedApp, type ConnectedApp } from '../api/oauth';

/** Lists the connected apps and disconnects one at once (its tokens fail on their next call). */
export function ConnectedApps({ api }: { api: ApiClient }) {
  const [apps, setApps] = useState<readonly ConnectedApp[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const id = useId();

  const load = useCallback(async () => {
    try {
      setApps(await listConnectedApps(api));
    } catch (cause) {
      setError(describeError(cause));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  async function disconnect(app: ConnectedApp) {
    setBusy(app.client_id);
    setError(null);
    try {
      await revokeConnectedApp(api, app.client_id);
      await load();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="connected-apps">
      <h2 id={`${id}-title`}>Connected apps</h2>
      <p className="hint">Apps you allowed to use your tasks through MCP, such as Claude or ChatGPT connectors.</p>
      {error && (
        <p className="error-text" role="alert" data-testid="connected-apps-error">
          {error}
        </p>
      )}
      {apps === null && !error && <p role="status">Loading…</p>}
      {apps?.length === 0 && <p data-testid="connected-apps-empty">No apps are connected.</p>}
      {apps && apps.length > 0 && (
        <ul className="connected-apps__list">
          {apps.map((app) => (
            <li key={app.client_id} data-testid="connected-app" style={{ display: 'flex', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
              <span>
                <strong data-testid="connected-app-name">{app.name}</strong>
                <br />
                <span className="hint">
                  {describeScopes(app.scopes.join(' ')).join(' · ')} — connected {new Date(app.connected_at).toLocaleDateString()}
                </span>
              </span>
              <button
                type="button"
                className="button"
                disabled={busy === app.client_id}
                data-testid="connected-app-revoke"
                aria-label={`Disconnect ${app.name}`}
                onClick={() => void disconnect(app)}
              >
                {busy === app.client_id ? 'Disconnecting…' : 'Disconnect'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
