// Unit tests for what a chat turn's undo calls say about earlier replies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUndoOnly, undoneGroups } from '../src/lib/turn-changes';

const undoCall = (group: string) => ({ name: 'undo', arguments: {}, result: JSON.stringify({ group_id: group, undone: [], skipped: [], message: 'Undid' }) });

describe('undoneGroups', () => {
  it('names the groups the turn\'s successful undo calls took back, and nothing for failed or other calls', () => {
    assert.deepEqual([...undoneGroups([undoCall('g1'), { name: 'undo', result: { error: 'There is nothing to undo' } }, { name: 'add_task', result: { task_id: 1 } }])], ['g1']);
    assert.equal(undoneGroups([]).size, 0);
  });
});

describe('isUndoOnly', () => {
  it('is true for a turn whose only change was an undo (its reply gets no Undo button), false once it changed tasks too', () => {
    assert.equal(isUndoOnly([{ name: 'list_tasks', result: [] }, undoCall('g1')]), true);
    assert.equal(isUndoOnly([undoCall('g1'), { name: 'add_task', result: { task_id: 2 } }]), false);
    assert.equal(isUndoOnly([{ name: 'delete_task', result: { task_id: 2 } }]), false);
    assert.equal(isUndoOnly([]), false);
  });
});
