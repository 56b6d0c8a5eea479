// Unit tests for the panel's filters as REST query parameters, and for what an edit sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../src/api/schemas';
import { taskSchema } from '../src/api/schemas';
import { activeFilterCount, DEFAULT_TASK_QUERY, taskQueryString } from '../src/api/tasks';
import { editFieldsOf, editPatch } from '../src/lib/task-edit';

describe('taskQueryString', () => {
  it('sends only the status by default, as before', () => {
    assert.equal(taskQueryString(DEFAULT_TASK_QUERY), 'status=all');
    assert.equal(activeFilterCount(DEFAULT_TASK_QUERY), 0);
  });

  it('maps sort and every filter to the contract parameters', () => {
    const query = { status: 'pending', sort: 'due', overdue: true, priority: 'high', tag: 'work', text: '  the trip ' } as const;
    const params = new URLSearchParams(taskQueryString(query));
    assert.deepEqual(Object.fromEntries(params), { status: 'pending', sort: 'due', overdue: 'true', priority: 'high', tag: 'work', query: 'the trip' });
    assert.equal(activeFilterCount(query), 4);
  });

  it('encodes what it sends', () => {
    assert.equal(taskQueryString({ ...DEFAULT_TASK_QUERY, text: 'a&b=c' }), 'status=all&query=a%26b%3Dc');
  });
});

describe('taskSchema', () => {
  it('accepts a task from a server with and without the detail fields', () => {
    const old = { id: 1, title: 'buy milk', completed: false, created_at: '2026-11-26T10:00:00Z' };
    assert.equal(taskSchema.safeParse(old).success, true);
    const detailed = { ...old, due_at: '2026-11-27', priority: 'high', tags: ['home'], repeat: 'weekly on mon', overdue: false };
    assert.equal(taskSchema.safeParse(detailed).success, true);
    assert.equal(taskSchema.safeParse({ ...old, due_at: null, priority: null, tags: [], repeat: null }).success, true);
    assert.equal(taskSchema.safeParse({ ...old, priority: 'urgent' }).success, false);
  });
});

describe('editPatch', () => {
  const task: Task = { id: 7, title: 'call mom', completed: false, created_at: '2026-11-26T10:00:00Z', due_at: '2026-11-27T17:00:00+01:00', priority: 'high' };
  const zone = 'Europe/Paris';

  it('sends nothing when nothing changed', () => {
    assert.deepEqual(editPatch(task, editFieldsOf(task, zone), zone), {});
  });

  it('sends only the changed fields; a new day keeps the time of day', () => {
    const fields = { ...editFieldsOf(task, zone), dueDate: '2026-11-30', title: ' call mum ' };
    assert.deepEqual(editPatch(task, fields, zone), { title: 'call mum', due_at: '2026-11-30T17:00' });
  });

  it('clears the due date and the priority', () => {
    assert.deepEqual(editPatch(task, { title: 'call mom', dueDate: '', priority: '' }, zone), { due_at: null, priority: null });
  });

  it('sets a day on a task that had none, and ignores an empty title', () => {
    const plain: Task = { id: 8, title: 'buy milk', completed: false, created_at: '2026-11-26T10:00:00Z' };
    assert.deepEqual(editPatch(plain, { title: '  ', dueDate: '2026-12-01', priority: 'low' }, zone), { due_at: '2026-12-01', priority: 'low' });
  });
});
