// Sign in / sign up form.
import { useId, useState, type FormEvent } from 'react';
import type { Auth, SessionUser } from '../api/auth';
import { describeError } from '../api/errors';

type Mode = 'sign-in' | 'sign-up';

interface AuthScreenProps {
  readonly auth: Auth;
  readonly notice: string | null;
  readonly onSignedIn: (user: SessionUser) => void;
}

/** The first screen: create an account or sign in; shows why the user landed here (e.g. an expired session). */
export function AuthScreen({ auth, notice, onSignedIn }: AuthScreenProps) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user =
        mode === 'sign-up'
          ? await auth.signUp({ name: name.trim() || email.split('@')[0] || 'Friend', email: email.trim(), password })
          : await auth.signIn({ email: email.trim(), password });
      onSignedIn(user);
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  const title = mode === 'sign-in' ? 'Sign in to your list' : 'Create your account';
  return (
    <main className="auth" data-testid="auth-screen">
      <form className="auth__card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <p className="auth__brand">
          <img src="/icon.svg" alt="" width="28" height="28" />
          Todo Chat
        </p>
        {/* What the app is, in one line, with what to say to it: the first thing a new visitor reads. */}
        <p className="auth__pitch" data-testid="auth-pitch">
          Manage your tasks by talking: “add buy milk tomorrow”, “what’s due this week?”
        </p>
        {notice && (
          <p className="notice" role="status" data-testid="auth-notice">
            {notice}
          </p>
        )}
        <div className="auth__tabs" role="group" aria-label="Sign in or create an account">
          {(['sign-in', 'sign-up'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="tab"
              aria-pressed={mode === m}
              data-testid={`auth-mode-${m}`}
              onClick={() => {
                setMode(m);
                setError(null);
              }}
            >
              {m === 'sign-in' ? 'Sign in' : 'Create account'}
            </button>
          ))}
        </div>
        <h1 id={`${id}-title`}>{title}</h1>
        {mode === 'sign-up' && (
          <label className="field">
            <span>Name</span>
            <input data-testid="auth-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
        )}
        <label className="field">
          <span>Email</span>
          <input
            data-testid="auth-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            data-testid="auth-password"
            type="password"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
            aria-describedby={mode === 'sign-up' ? `${id}-pw-hint` : undefined}
          />
        </label>
        {mode === 'sign-up' && (
          <p className="hint" id={`${id}-pw-hint`}>
            At least 8 characters.
          </p>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="auth-error">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy} data-testid="auth-submit">
          {busy ? 'Please wait…' : mode === 'sign-in' ? 'Sign in' : 'Create account'}
        </button>
      </form>
    </main>
  );
}
