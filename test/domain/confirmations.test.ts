import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { CONFIRMATION_TTL_MS, createConfirmations } from '../../src/domain/tasks/confirmations.js';

const now = new Date('2026-12-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

test('a confirmation names one user, one action and its ids, works only in a later group and only until it expires', () => {
  const confirmations = createConfirmations(randomBytes(32));
  const { token, expiresAt } = confirmations.issue('alice', 'delete', [4, 5], 'turn-1', now);
  assert.equal(expiresAt.getTime() - now.getTime(), CONFIRMATION_TTL_MS);
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 4, 'turn-2', later(1000)), true);
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 5, 'turn-2', later(1000)), true);
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 4, 'turn-1', later(1000)), false, 'not in the group that issued it');
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 6, 'turn-2', later(1000)), false, 'not for another task');
  assert.equal(confirmations.accepts(token, 'alice', 'complete', 4, 'turn-2', later(1000)), false, 'not for another action');
  assert.equal(confirmations.accepts(token, 'bob', 'delete', 4, 'turn-2', later(1000)), false, 'not for another user');
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 4, 'turn-2', later(CONFIRMATION_TTL_MS + 1)), false, 'not after it expired');
});

test('a token signed with another key, altered, or not a token at all is refused', () => {
  const confirmations = createConfirmations(randomBytes(32));
  const { token } = createConfirmations(randomBytes(32)).issue('alice', 'delete', [4], 'turn-1', now);
  assert.equal(confirmations.accepts(token, 'alice', 'delete', 4, 'turn-2', now), false);
  const own = confirmations.issue('alice', 'delete', [4], 'turn-1', now).token;
  const [body, signature] = own.split('.');
  const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), ids: [4, 5, 6] })).toString('base64url');
  assert.equal(confirmations.accepts(`${widened}.${signature}`, 'alice', 'delete', 5, 'turn-2', now), false, 'ids cannot be added');
  for (const junk of ['', '.', 'abc', 'a.b.c', `${body}.`]) assert.equal(confirmations.accepts(junk, 'alice', 'delete', 4, 'turn-2', now), false, junk);
});
