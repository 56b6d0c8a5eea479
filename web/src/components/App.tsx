// The root: decides between the sign-in screen and the workspace.
import { useCallback, useEffect, useState } from 'react';
import type { Auth, SessionUser } from '../api/auth';
import { describeError } from '../api/errors';
import type { AppConfig } from '../config';
import { AuthScreen } from './AuthScreen';
import { ConsentScreen } from './ConsentScreen';
import { OAuthSignIn } from './OAuthSignIn';
import { SettingsScreen } from './SettingsScreen';
import { Workspace } from './Workspace';

type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly notice: string | null }
  | { readonly status: 'signed-in'; readonly user: SessionUser };

const EXPIRED = 'Your session has expired. Sign in again — your unsent message is kept.';

/** Restores the session on load and routes between sign-in and the workspace. */
export function App({ config, auth }: { config: AppConfig; auth: Auth }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    auth
      .getSessionUser()
      .then((user) => {
        if (!cancelled) setState(user ? { status: 'signed-in', user } : { status: 'signed-out', notice: null });
      })
      .catch((cause: unknown) => {
        if (!cancelled) setState({ status: 'signed-out', notice: `Could not check your session. ${describeError(cause)}` });
      });
    return () => {
      cancelled = true;
    };
  }, [auth]);

  const onSessionExpired = useCallback(() => setState({ status: 'signed-out', notice: EXPIRED }), []);
  const onSignOut = useCallback(() => setState({ status: 'signed-out', notice: null }), []);

  if (state.status === 'loading') {
    return (
      <main className="splash" data-testid="app-loading" role="status">
        Loading…
      </main>
    );
  }
  // Pages outside the workspace: an MCP connector's sign-in and consent steps, and the settings page.
  const { pathname, search } = window.location;
  if (pathname === '/oauth/sign-in') {
    return <OAuthSignIn config={config} auth={auth} user={state.status === 'signed-in' ? state.user : null} search={search} />;
  }
  if (state.status === 'signed-out') {
    return <AuthScreen auth={auth} notice={state.notice} onSignedIn={(user) => setState({ status: 'signed-in', user })} />;
  }
  if (pathname === '/oauth/consent') return <ConsentScreen config={config} user={state.user} search={search} />;
  if (pathname === '/settings') return <SettingsScreen config={config} auth={auth} user={state.user} />;
  return (
    <Workspace
      key={state.user.id}
      config={config}
      auth={auth}
      user={state.user}
      onSignOut={onSignOut}
      onSessionExpired={onSessionExpired}
    />
  );
}
