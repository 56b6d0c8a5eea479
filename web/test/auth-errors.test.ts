// Unit tests for what a refused sign-in or sign-up says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authErrorMessage } from '../src/api/auth-errors';

const ORIGIN = 'http://localhost:3000';

describe('authErrorMessage', () => {
  it('never shows a bare "Invalid origin": it names the address in use and what to do', () => {
    for (const message of ['Invalid origin', 'invalid origin.', ' Invalid origin ']) {
      const shown = authErrorMessage({ status: 403, message, code: 'INVALID_ORIGIN' }, ORIGIN);
      assert.doesNotMatch(shown, /^\s*invalid origin\.?\s*$/i);
      assert.match(shown, /does not accept sign-ins from http:\/\/localhost:3000.*PUBLIC_URL.*CORS_ORIGINS/);
    }
  });

  it("shows the server's own message, preferring the contract's error body", () => {
    const named = 'Open http://127.0.0.1:3000 to sign in: this page is not at the address the server was set up with.';
    assert.equal(authErrorMessage({ status: 403, message: 'Invalid origin', error: { code: 'FORBIDDEN', message: named } }, ORIGIN), named);
    assert.equal(authErrorMessage({ status: 401, message: 'Invalid email or password' }, ORIGIN), 'Invalid email or password');
  });

  it("drops Better Auth's field prefix, and says something useful with no message at all", () => {
    assert.equal(authErrorMessage({ status: 400, message: '[body.email] Invalid email address' }, ORIGIN), 'Invalid email address');
    assert.equal(authErrorMessage({ status: 0 }, ORIGIN), "Can't reach the server.");
    assert.equal(authErrorMessage({ status: 500, message: '' }, ORIGIN), 'That did not work, try again.');
  });
});
