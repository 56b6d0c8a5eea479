// Unit tests for the panel's filters as REST query parameters, and for what an edit sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../src/api/schemas';
import { taskSchema } from '../src/api/schemas';
import { activeFilterCount, DEFAULT_TASK_QUERY, taskQueryString } from '../src/api/tasks';
import { checkEdit, editFieldsOf, editPatch, fieldOfRefusal, parseTags } from '../src/lib/task-edit';

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
  const task: Task = {
    id: 7,
    title: 'call mom',
    description: 'about the trip',
    completed: false,
    created_at: '2026-11-26T10:00:00Z',
    due_at: '2026-11-27T17:00:00+01:00',
    priority: 'high',
    tags: ['family'],
    repeat: 'weekly',
  };
  const zone = 'Europe/Paris';
  const fields = editFieldsOf(task, zone);

  it('starts from the task as the editor shows it, its due time in the zone', () => {
    assert.deepEqual(fields, {
      title: 'call mom',
      description: 'about the trip',
      dueDate: '2026-11-27',
      dueTime: '17:00',
      priority: 'high',
      tags: 'family',
      repeat: 'weekly',
    });
  });

  it('sends nothing when nothing changed', () => {
    assert.deepEqual(editPatch(task, fields, zone), {});
    assert.deepEqual(editPatch(task, { ...fields, tags: '#Family,', description: ' about the trip ' }, zone), {}, 'the same tags and text, typed differently');
  });

  it('sends only the changed fields; a new day keeps the time of day', () => {
    assert.deepEqual(editPatch(task, { ...fields, dueDate: '2026-11-30', title: ' call mum ' }, zone), { title: 'call mum', due_at: '2026-11-30T17:00' });
    assert.deepEqual(editPatch(task, { ...fields, dueTime: '09:15' }, zone), { due_at: '2026-11-27T09:15' });
    assert.deepEqual(editPatch(task, { ...fields, dueTime: '' }, zone), { due_at: '2026-11-27' }, 'clearing the time keeps the day');
  });

  it('changes the description, tags and repeat', () => {
    assert.deepEqual(editPatch(task, { ...fields, description: 'bring photos', tags: '#family, #Trip home', repeat: 'monthly' }, zone), {
      description: 'bring photos',
      tags: ['family', 'trip', 'home'],
      repeat: 'monthly',
    });
  });

  it('clears every detail with null (tags with [])', () => {
    const cleared = { ...fields, description: '  ', dueDate: '', dueTime: '', priority: '', tags: '', repeat: '' } as const;
    assert.deepEqual(editPatch(task, cleared, zone), { description: null, due_at: null, priority: null, tags: [], repeat: null });
  });

  it('sends a title of only spaces as typed, so the server says why it is refused (it used to vanish without a word)', () => {
    assert.deepEqual(editPatch(task, { ...fields, title: '   ' }, zone), { title: '   ' });
  });

  it('sets a day on a task that had none', () => {
    const plain: Task = { id: 8, title: 'buy milk', completed: false, created_at: '2026-11-26T10:00:00Z' };
    const start = editFieldsOf(plain, zone);
    assert.deepEqual(editPatch(plain, { ...start, dueDate: '2026-12-01', priority: 'low' }, zone), { due_at: '2026-12-01', priority: 'low' });
    assert.deepEqual(editPatch(plain, { ...start, dueDate: '2026-12-01', dueTime: '08:00' }, zone), { due_at: '2026-12-01T08:00' });
  });
});

describe('checkEdit and fieldOfRefusal', () => {
  it('refuses a time without a day, pointing at the day', () => {
    const plain: Task = { id: 8, title: 'buy milk', completed: false, created_at: '2026-11-26T10:00:00Z' };
    assert.deepEqual(checkEdit({ ...editFieldsOf(plain), dueTime: '08:00' }), { field: 'dueDate', message: 'Pick a day for the time, or clear the time.' });
    assert.equal(checkEdit(editFieldsOf(plain)), null);
  });

  it('finds the field a server message names, the title otherwise', () => {
    assert.equal(fieldOfRefusal('title must not be empty'), 'title');
    assert.equal(fieldOfRefusal('tags.0 must be 1-32 characters'), 'tags');
    assert.equal(fieldOfRefusal('due_at must be a date'), 'dueDate');
    assert.equal(fieldOfRefusal('repeat is not a rule I know'), 'repeat');
    assert.equal(fieldOfRefusal("Can't reach the server."), 'title');
  });
});

describe('parseTags', () => {
  it('reads commas, spaces and #, lower-cases, and drops duplicates', () => {
    assert.deepEqual(parseTags(' #Family, work  #family,,home '), ['family', 'work', 'home']);
    assert.deepEqual(parseTags(''), []);
  });
});
