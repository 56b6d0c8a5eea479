// Small localStorage helpers: the composer draft and the open conversation survive reloads and sign-in.

function key(kind: string, userId: string): string {
  return `todo-chat:${kind}:${userId}`;
}

function read(name: string): string | null {
  try {
    return window.localStorage.getItem(name);
  } catch (error) {
    console.warn('localStorage is unavailable', error);
    return null;
  }
}

function write(name: string, value: string | null): void {
  try {
    if (value === null || value === '') window.localStorage.removeItem(name);
    else window.localStorage.setItem(name, value);
  } catch (error) {
    console.warn('localStorage is unavailable', error);
  }
}

/** The user's unsent message. */
export function loadDraft(userId: string): string {
  return read(key('draft', userId)) ?? '';
}

/** Saves (or clears, with '') the user's unsent message. */
export function saveDraft(userId: string, text: string): void {
  write(key('draft', userId), text);
}

/** The conversation the user last had open, if any. */
export function loadActiveConversation(userId: string): number | null {
  const value = Number(read(key('conversation', userId)));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Remembers the open conversation (null for a new chat). */
export function saveActiveConversation(userId: string, id: number | null): void {
  write(key('conversation', userId), id === null ? null : String(id));
}

/** Remembers who was signed in last, so an expired session can offer their draft back. */
export function saveLastUser(userId: string | null): void {
  write('todo-chat:last-user', userId);
}

/** The user who was signed in last. */
export function loadLastUser(): string | null {
  return read('todo-chat:last-user');
}
