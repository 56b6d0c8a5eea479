// Personal API keys (issue 17): list, create (name, scope, optional expiry), show a new key once with a copy
// button, revoke. Talks to Better Auth's api-key routes with the session cookie; self-contained on purpose so
// a settings screen can embed <ApiKeys> as it is.
import { useCallback, useEffect, useId, useState } from 'react';

type Scope = 'mcp' | 'rest';

interface ListedKey {
  readonly id: string;
  readonly name: string | null;
  readonly start: string | null;
  readonly configId: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

const SCOPES: readonly { value: Scope; label: string }[] = [
  { value: 'mcp', label: 'MCP clients (/mcp)' },
  { value: 'rest', label: 'REST API (/api/…)' },
];
const EXPIRIES: readonly { days: number | null; label: string }[] = [
  { days: null, label: 'Never' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
];

function isListedKey(value: unknown): value is ListedKey {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'configId' in value && typeof value.configId === 'string';
}

async function call(authBasePath: string, path: string, body?: object): Promise<unknown> {
  const res = await fetch(`${authBasePath}${path}`, {
    method: body ? 'POST' : 'GET',
    credentials: 'include',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string' ? json.message : `HTTP ${res.status}`;
    throw new Error(message);
  }
  return json;
}

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'never');

/** The keys panel: embed it anywhere the user is signed in. */
export function ApiKeys({ authBasePath }: { readonly authBasePath: string }) {
  const id = useId();
  const [keys, setKeys] = useState<readonly ListedKey[] | null>(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('mcp');
  const [expiry, setExpiry] = useState<number | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const listed = await call(authBasePath, '/api-key/list');
      const items = typeof listed === 'object' && listed !== null && 'apiKeys' in listed && Array.isArray(listed.apiKeys) ? listed.apiKeys : [];
      setKeys(items.filter(isListedKey));
    } catch (error) {
      setStatus(`Could not load your keys: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [authBasePath]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    try {
      const body = { name: name.trim(), configId: scope, ...(expiry ? { expiresIn: expiry * 86_400 } : {}) };
      const result = await call(authBasePath, '/api-key/create', body);
      if (typeof result === 'object' && result !== null && 'key' in result && typeof result.key === 'string') {
        setCreated({ name: body.name, key: result.key });
        setName('');
      }
      await load();
    } catch (error) {
      setStatus(`Could not create the key: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(key: ListedKey) {
    setStatus('');
    try {
      await call(authBasePath, '/api-key/delete', { keyId: key.id, configId: key.configId });
      setStatus(`Revoked “${key.name ?? key.start ?? key.id}”: it no longer works.`);
      await load();
    } catch (error) {
      setStatus(`Could not revoke the key: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section className="api-keys" aria-labelledby={`${id}-title`} data-testid="api-keys">
      <h3 id={`${id}-title`}>API keys</h3>
      <p className="history__empty">
        For scripts and MCP clients configured with a header (Claude Code, Cursor, VS Code): send <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <p className="history__status" role="status" data-testid="api-keys-status">
        {status}
      </p>
      {created && (
        <div className="history__status" data-testid="api-key-created">
          <p>
            Your new key “{created.name}”. Copy it now: it will not be shown again.
          </p>
          <code data-testid="api-key-value" style={{ wordBreak: 'break-all', display: 'block', margin: '6px 0' }}>
            {created.key}
          </code>
          <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setStatus('Copied.'), () => setStatus('Copy failed: select the key and copy it.'))} data-testid="api-key-copy">
            Copy
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setCreated(null)} data-testid="api-key-done">
            Done
          </button>
        </div>
      )}
      <form className="api-keys__form" onSubmit={(e) => void create(e)}>
        <label className="field">
          Name
          <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} data-testid="api-key-name" />
        </label>
        <label className="field">
          For
          <select value={scope} onChange={(e) => setScope(e.target.value === 'rest' ? 'rest' : 'mcp')} data-testid="api-key-scope">
            {SCOPES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Expires
          <select value={expiry ?? ''} onChange={(e) => setExpiry(e.target.value ? Number(e.target.value) : null)} data-testid="api-key-expiry">
            {EXPIRIES.map((x) => (
              <option key={x.label} value={x.days ?? ''}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--small" disabled={busy} data-testid="api-key-create">
          Create key
        </button>
      </form>
      {keys === null ? (
        <p className="history__empty">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="history__empty" data-testid="api-keys-empty">
          No keys yet.
        </p>
      ) : (
        <ul data-testid="api-key-list" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 6 }}>
          {keys.map((key) => (
            <li key={key.id} data-testid="api-key-item" style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
              <span>
                <strong>{key.name ?? 'Unnamed'}</strong> <code>{key.start}…</code> · {key.configId === 'rest' ? 'REST API' : 'MCP'} · created {day(key.createdAt)} · expires {day(key.expiresAt)}
              </span>
              <button type="button" className="button button--small" onClick={() => void revoke(key)} aria-label={`Revoke ${key.name ?? 'key'}`} data-testid="api-key-revoke">
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
