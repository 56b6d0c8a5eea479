// Entry point: resolve the config, build the auth layer, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuth } from './api/auth';
import { App } from './components/App';
import { ConfigError, getConfig } from './config';
import './styles.css';
import './tasks.css';
import './trust.css';
import './notifications.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

try {
  const config = getConfig(import.meta.env);
  root.render(
    <StrictMode>
      <App config={config} auth={createAuth(config)} />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error);
  root.render(
    <main className="auth" data-testid="config-error">
      <div className="auth__card" role="alert">
        <h1>This build is misconfigured</h1>
        <ul>
          {error.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    </main>,
  );
}
