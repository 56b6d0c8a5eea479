// /settings: account settings outside the workspace — the connected apps (and, beside them, personal keys).
import { useMemo } from 'react';
import type { Auth, SessionUser } from '../api/auth';
import { createApiClient } from '../api/http';
import type { AppConfig } from '../config';
import { ApiKeys } from './ApiKeys';
import { ConnectedApps } from './ConnectedApps';

/** The settings page of a signed-in user. */
export function SettingsScreen({ config, auth, user }: { config: AppConfig; auth: Auth; user: SessionUser }) {
  const api = useMemo(() => createApiClient(config, auth, user.id), [config, auth, user.id]);
  return (
    <main className="auth" data-testid="settings-screen">
      <div className="auth__card settings-screen">
        <p>
          <a href="/" data-testid="settings-back">
            ← Back to your tasks
          </a>
        </p>
        <h1>Settings</h1>
        <p className="hint">Signed in as {user.email}.</p>
        <ConnectedApps api={api} />
        <ApiKeys authBasePath={config.authBasePath} />
      </div>
    </main>
  );
}
