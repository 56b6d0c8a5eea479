// /oauth/sign-in: the sign-in step of an MCP connector's authorization. Once signed in, the browser goes back to
// the same authorization request, which continues to the consent screen.
import { useEffect } from 'react';
import type { Auth, SessionUser } from '../api/auth';
import { authorizeUrl } from '../api/oauth';
import type { AppConfig } from '../config';
import { AuthScreen } from './AuthScreen';

interface OAuthSignInProps {
  readonly config: AppConfig;
  readonly auth: Auth;
  readonly user: SessionUser | null;
  readonly search: string;
}

/** The usual sign-in form, returning to the authorization afterwards (at once when already signed in). */
export function OAuthSignIn({ config, auth, user, search }: OAuthSignInProps) {
  const target = authorizeUrl(config, search);
  useEffect(() => {
    if (user) window.location.assign(target);
  }, [user, target]);
  if (user) {
    return (
      <main className="splash" role="status" data-testid="oauth-continue">
        Continuing…
      </main>
    );
  }
  return (
    <AuthScreen
      auth={auth}
      notice="Sign in to connect an app to your tasks."
      onSignedIn={() => window.location.assign(target)}
    />
  );
}
