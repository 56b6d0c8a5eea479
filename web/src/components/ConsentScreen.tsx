// The consent screen of an MCP connector's authorization: names the app and what it may do; Allow or Deny.
import { useEffect, useId, useState } from 'react';
import type { SessionUser } from '../api/auth';
import { describeError } from '../api/errors';
import { answerConsent, describeScopes, fetchClient, type OAuthClientInfo } from '../api/oauth';
import type { AppConfig } from '../config';

interface ConsentScreenProps {
  readonly config: AppConfig;
  readonly user: SessionUser;
  /** The page's query string: the provider's signed copy of the client's request. */
  readonly search: string;
  /** Where the browser goes next (window.location.assign in the app; tests may record it). */
  readonly go?: (url: string) => void;
}

/** Asks the signed-in person whether an app may use their tasks, then sends the browser back to the app. */
export function ConsentScreen({ config, user, search, go = (url) => window.location.assign(url) }: ConsentScreenProps) {
  const params = new URLSearchParams(search);
  const clientId = params.get('client_id') ?? '';
  const abilities = describeScopes(params.get('scope'));
  const [client, setClient] = useState<OAuthClientInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    let cancelled = false;
    if (!clientId) {
      setError('This link is missing the app it is for. Start connecting again from the app.');
      return;
    }
    fetchClient(config, clientId)
      .then((info) => !cancelled && setClient(info))
      .catch((cause: unknown) => !cancelled && setError(describeError(cause)));
    return () => {
      cancelled = true;
    };
  }, [config, clientId]);

  async function answer(accept: boolean) {
    setBusy(true);
    setError(null);
    try {
      go(await answerConsent(config, search, accept));
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  const name = client?.name ?? 'An app';
  return (
    <main className="auth" data-testid="consent-screen">
      <section className="auth__card" aria-labelledby={`${id}-title`}>
        <p className="auth__brand">
          <img src="/icon.svg" alt="" width="28" height="28" />
          Todo Chat
        </p>
        <h1 id={`${id}-title`} data-testid="consent-title">
          {client ? `${name} wants to use your Todo Chat account` : 'Loading…'}
        </h1>
        {client?.uri && (
          <p className="hint" data-testid="consent-client-uri">
            {client.uri}
          </p>
        )}
        <p>It will be able to:</p>
        <ul data-testid="consent-scopes">
          {abilities.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="hint">
          Signed in as {user.email}. You can disconnect it at any time under Settings → Connected apps.
        </p>
        {error && (
          <p className="error-text" role="alert" data-testid="consent-error">
            {error}
          </p>
        )}
        <div className="consent__actions" style={{ display: 'flex', gap: 8 }}>
          <button type="button" className="button" disabled={busy} data-testid="consent-deny" onClick={() => void answer(false)}>
            Deny
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !client}
            data-testid="consent-allow"
            onClick={() => void answer(true)}
          >
            {busy ? 'Please wait…' : 'Allow'}
          </button>
        </div>
      </section>
    </main>
  );
}
