// Unit tests for the UI configuration: environments, URL building and validation messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApiUrl, ConfigError, getConfig, validateConfig } from '../src/config';

describe('getConfig', () => {
  it('defaults to development on the same origin', () => {
    const config = getConfig({});
    assert.equal(config.environment, 'development');
    assert.equal(config.apiBaseUrl, '');
    assert.equal(config.authBasePath, '/api/auth');
    assert.equal(config.debug, true);
    assert.equal(config.maxMessageLength, 4000);
    assert.ok(Object.isFrozen(config));
  });

  it('takes production from the Vite mode when VITE_ENVIRONMENT is unset', () => {
    const config = getConfig({ MODE: 'production' });
    assert.equal(config.environment, 'production');
    assert.equal(config.debug, false);
  });

  it('lets VITE_ENVIRONMENT pick staging and strips the trailing slash of the API base', () => {
    const config = getConfig({ VITE_ENVIRONMENT: 'staging', VITE_API_BASE_URL: 'https://api.example.com/' });
    assert.equal(config.environment, 'staging');
    assert.equal(config.apiBaseUrl, 'https://api.example.com');
    assert.equal(config.authBasePath, 'https://api.example.com/api/auth');
  });

  it('throws a ConfigError listing every problem', () => {
    assert.throws(
      () => getConfig({ VITE_ENVIRONMENT: 'prod', VITE_API_BASE_URL: 'api.example.com' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 2);
        assert.match(error.message, /VITE_ENVIRONMENT is "prod": set it to one of development, staging, production/);
        assert.match(error.message, /VITE_API_BASE_URL is "api.example.com": set it to an absolute URL/);
        return true;
      },
    );
  });
});

describe('validateConfig', () => {
  it('accepts a valid configuration', () => {
    assert.deepEqual(validateConfig({ VITE_ENVIRONMENT: 'production', VITE_API_BASE_URL: 'https://todo.example.org' }), []);
  });

  it('refuses plain http outside development, except for loopback', () => {
    const [problem] = validateConfig({ VITE_ENVIRONMENT: 'production', VITE_API_BASE_URL: 'http://todo.example.org' });
    assert.match(problem ?? '', /plain http in production: use https:\/\//);
    assert.deepEqual(validateConfig({ VITE_ENVIRONMENT: 'staging', VITE_API_BASE_URL: 'http://127.0.0.1:3000' }), []);
    assert.deepEqual(validateConfig({ VITE_ENVIRONMENT: 'development', VITE_API_BASE_URL: 'http://dev.lan:3000' }), []);
  });

  it('refuses other schemes and query strings', () => {
    assert.match(validateConfig({ VITE_API_BASE_URL: 'ftp://x.org' })[0] ?? '', /uses "ftp:": use an http/);
    assert.match(validateConfig({ VITE_API_BASE_URL: 'https://x.org/?a=1' })[0] ?? '', /query or fragment/);
  });

  it('treats a blank value as unset', () => {
    assert.deepEqual(validateConfig({ VITE_API_BASE_URL: '  ', VITE_ENVIRONMENT: '' }), []);
  });
});

describe('buildApiUrl', () => {
  it('fills and encodes parameters', () => {
    assert.equal(buildApiUrl('/api/{user_id}/tasks/{id}', { user_id: 'a b/c', id: 12 }), '/api/a%20b%2Fc/tasks/12');
  });

  it('prefixes the base URL without doubling slashes', () => {
    assert.equal(buildApiUrl('/api/{user_id}/tasks', { user_id: 'u1' }, 'https://x.org/'), 'https://x.org/api/u1/tasks');
  });

  it('leaves a template without placeholders alone', () => {
    assert.equal(buildApiUrl('/health'), '/health');
  });

  it('throws on a missing or empty parameter, naming it', () => {
    assert.throws(() => buildApiUrl('/api/{user_id}/tasks/{id}', { user_id: 'u1' }), /missing parameter "id" for \/api\/\{user_id\}\/tasks\/\{id\}/);
    assert.throws(() => buildApiUrl('/api/{user_id}/tasks', { user_id: '' }), /missing parameter "user_id"/);
  });
});
