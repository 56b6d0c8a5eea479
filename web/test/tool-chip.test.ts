// Unit tests for the tool-call chip labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeToolCall } from '../src/lib/tool-chip';

describe('describeToolCall', () => {
  it('labels task changes with verb, id and title', () => {
    const added = describeToolCall({ name: 'add_task', arguments: { title: 'Buy milk' }, result: { task_id: 12, status: 'created', title: 'Buy milk' } });
    assert.deepEqual(added, { label: 'Added #12 Buy milk', tone: 'change' });
    assert.equal(describeToolCall({ name: 'complete_task', result: { task_id: 3, status: 'completed', title: 'Call mom' } }).label, 'Completed #3 Call mom');
    assert.equal(describeToolCall({ name: 'delete_task', result: { task_id: 4, title: 'Old' } }).label, 'Deleted #4 Old');
    assert.equal(describeToolCall({ name: 'update_task', result: { task_id: 5, title: 'New' } }).label, 'Updated #5 New');
  });

  it('shows tool errors as error chips', () => {
    assert.deepEqual(describeToolCall({ name: 'complete_task', result: { error: 'Task 4 not found' } }), {
      label: 'Task 4 not found',
      tone: 'error',
    });
  });

  it('counts listed tasks and reads JSON given as a string', () => {
    assert.equal(describeToolCall({ name: 'list_tasks', result: [{ id: 1 }, { id: 2 }] }).label, 'Listed 2 tasks');
    assert.equal(describeToolCall({ name: 'list_tasks', result: '[]' }).label, 'No tasks found');
    assert.equal(describeToolCall({ name: 'list_tasks', result: { tasks: [{ id: 1 }] } }).label, 'Listed 1 task');
    assert.equal(describeToolCall({ name: 'list_tasks', result: { tasks: [] } }).label, 'No tasks found');
    assert.equal(describeToolCall({ name: 'add_task', result: '{"task_id":1,"title":"X"}' }).label, 'Added #1 X');
  });

  it('falls back to the tool name for unknown shapes', () => {
    assert.deepEqual(describeToolCall({ name: 'something_else', result: { task_id: 1 } }), { label: 'something else', tone: 'info' });
    assert.deepEqual(describeToolCall({ name: 'add_task', result: 42 }), { label: 'add task', tone: 'info' });
  });

  it('labels the trust tools: what an undo took back, a bulk change asked about, the activity read', () => {
    const undone = { group_id: 'g', undone: [{ task_id: 1, op: 'delete', title: 'A' }, { task_id: 2, op: 'delete', title: 'B' }], skipped: [], message: '' };
    assert.deepEqual(describeToolCall({ name: 'undo', result: undone }), { label: 'Undid 2 changes', tone: 'change' });
    assert.deepEqual(describeToolCall({ name: 'undo', result: { ...undone, undone: [] } }), { label: 'Nothing undone', tone: 'info' });
    assert.deepEqual(describeToolCall({ name: 'undo', result: { error: 'There is nothing to undo' } }), { label: 'There is nothing to undo', tone: 'error' });
    const preview = { action: 'delete', confirmation: 'x', tasks: [{ id: 1, title: 'A' }, { id: 2, title: 'B' }, { id: 3, title: 'C' }, { id: 4, title: 'D' }], expires_at: '' };
    assert.deepEqual(describeToolCall({ name: 'preview_bulk_change', result: preview }), { label: 'Asked before deleting 4 tasks', tone: 'info' });
    assert.equal(describeToolCall({ name: 'list_activity', result: { changes: [{}] } }).label, 'Listed 1 change');
    assert.equal(describeToolCall({ name: 'list_activity', result: { changes: [] } }).label, 'No changes found');
  });
});
