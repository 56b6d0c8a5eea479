// Unit tests for how the activity journal reads: groups, Undo, sources and what each change set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityEntry } from '../src/api/schemas';
import { canUndo, describeChanges, groupActivity, sourceLabel } from '../src/lib/activity';

function entry(id: number, group: string, change: Partial<ActivityEntry> = {}): ActivityEntry {
  return { id, group_id: group, op: 'create', task_id: id, title: `task ${id}`, changes: {}, source: 'chat', client: null, created_at: '2026-11-27T10:00:00Z', undone: false, undoes: null, ...change };
}

describe('groupActivity', () => {
  it('gathers the consecutive entries of one change group, newest first, and reads undone and undo groups', () => {
    const groups = groupActivity([
      entry(6, 'c', { source: 'web', undoes: 'a', op: 'restore' }),
      entry(5, 'b', { source: 'mcp', client: 'Claude' }),
      entry(4, 'a', { undone: true, op: 'delete' }),
      entry(3, 'a', { undone: true, op: 'delete' }),
      entry(2, 'a', { undone: true, op: 'delete' }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.id, g.entries.map((e) => e.id), g.source, g.client, g.undone, g.undoes, canUndo(g)]),
      [
        ['c', [6], 'web', null, false, 'a', false],
        ['b', [5], 'mcp', 'Claude', false, null, true],
        ['a', [4, 3, 2], 'chat', null, true, null, false],
      ],
    );
  });

  it('keeps a group split by another one as two groups (journal rows interleaved by concurrent requests)', () => {
    assert.deepEqual(
      groupActivity([entry(3, 'a'), entry(2, 'b'), entry(1, 'a')]).map((g) => g.id),
      ['a', 'b', 'a'],
    );
    assert.deepEqual(groupActivity([]), []);
  });
});

describe('describeChanges', () => {
  const paris = { timeZone: 'Europe/Paris', locale: 'en-GB', now: new Date('2026-11-20T12:00:00Z') };

  it('writes each field an update set in words: quoted text, the one date style, priority, tags and repeat', () => {
    const changes = describeChanges(
      {
        op: 'update',
        changes: {
          title: { from: 'Buy milk', to: 'Buy oat milk' },
          due_at: { from: null, to: '2026-11-27T16:00:00.000Z' },
          priority: { from: 'low', to: 'high' },
          tags: { from: ['home'], to: [] },
          repeat: { from: null, to: 'weekly' },
          description: { from: 'x', to: null },
        },
      },
      paris,
    );
    assert.deepEqual(changes, [
      { field: 'Title', from: '“Buy milk”', to: '“Buy oat milk”' },
      { field: 'Due', from: 'none', to: 'Fri 27 Nov, 17:00' },
      { field: 'Priority', from: 'Low', to: 'High' },
      { field: 'Tags', from: '#home', to: 'none' },
      { field: 'Repeat', from: 'none', to: 'Every week' },
      { field: 'Description', from: '“x”', to: 'none' },
    ]);
  });

  it('shows a whole-day due (stored at midnight of the user\'s day) as a day, not as 00:00', () => {
    const [due] = describeChanges({ op: 'update', changes: { due_at: { from: '2026-11-26T23:00:00.000Z', to: null } } }, paris);
    assert.deepEqual(due, { field: 'Due', from: 'Fri 27 Nov', to: 'none' });
  });

  it('leaves out the done flag of a completion or a reopening: the verb already says it', () => {
    assert.deepEqual(describeChanges({ op: 'complete', changes: { completed: { from: false, to: true } } }, paris), []);
    assert.deepEqual(describeChanges({ op: 'update', changes: { completed: { from: false, to: true } } }, paris), [{ field: 'Done', from: 'no', to: 'yes' }]);
  });
});

describe('sourceLabel', () => {
  it('names where a change came from, with the MCP client when known', () => {
    assert.deepEqual(
      [sourceLabel('chat', null), sourceLabel('web', null), sourceLabel('rest', null), sourceLabel('mcp', 'Claude Desktop'), sourceLabel('email', null)],
      ['Chat', 'Web app', 'API', 'MCP · Claude Desktop', 'email'],
    );
  });
});
