// Page object: the task panel beside the chat.
import type { Locator, Page } from 'playwright-core';

/** Which rows to pick when titles repeat (a repeating task and its record). */
export interface RowFilter {
  readonly completed?: boolean;
}

/** What the row shows about a task, as a user would read it. */
export interface TaskDetails {
  /** The due date as written ("Mon 30 Nov", "Fri 27 Nov, 17:00"), or null. */
  readonly dueLabel: string | null;
  /** The badge beside it ("Today", "Tomorrow", "Yesterday"), or null. */
  readonly dueBadge: string | null;
  /** The description under the title, or null. */
  readonly description: string | null;
  /** The raw `due_at` the row was rendered from ('' for none). */
  readonly dueAt: string;
  /** The priority marker's accessible name ("High priority"), or null. */
  readonly priority: string | null;
  /** The repeat text ("Every Monday"), or null. */
  readonly repeat: string | null;
  readonly tags: string[];
  readonly overdue: boolean;
  readonly completed: boolean;
}

/** A change made in a row's editor; unset fields are left as they are, '' clears. */
export interface TaskEdit {
  readonly title?: string;
  readonly description?: string;
  /** "YYYY-MM-DD". */
  readonly due?: string;
  /** "HH:mm". */
  readonly time?: string;
  readonly priority?: 'high' | 'medium' | 'low' | '';
  /** As typed: "work, home". */
  readonly tags?: string;
  /** A canonical rule offered by the menu ("weekly"), or '' for none. */
  readonly repeat?: string;
}

/** The task list with quick add, its status tabs, search, sort and filters, and the completed group. */
export class TaskPanel {
  readonly root: Locator;
  readonly items: Locator;
  readonly empty: Locator;
  readonly overdueCount: Locator;
  readonly quickAddInput: Locator;
  readonly quickAddChips: Locator;
  readonly quickAddError: Locator;
  readonly editor: Locator;
  readonly editError: Locator;
  /** The rows in the open list (under "All": the tasks not done). */
  readonly openItems: Locator;
  readonly completedGroup: Locator;
  readonly completedItems: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('task-panel');
    this.items = this.root.getByTestId('task-item');
    this.empty = this.root.getByTestId('tasks-empty');
    this.overdueCount = this.root.getByTestId('tasks-overdue-count');
    this.quickAddInput = this.root.getByTestId('quick-add-input');
    this.quickAddChips = this.root.getByTestId('quick-add-chip');
    this.quickAddError = this.root.getByTestId('quick-add-error');
    this.editor = this.root.getByTestId('task-editor');
    this.editError = this.editor.getByTestId('task-edit-error');
    this.openItems = this.root.getByTestId('tasks-open').getByTestId('task-item');
    this.completedGroup = this.root.getByTestId('tasks-completed-group');
    this.completedItems = this.completedGroup.getByTestId('task-item');
  }

  /** The row whose title contains `title` (case-insensitive), optionally only (not) completed ones. */
  item(title: string, filter: RowFilter = {}): Locator {
    const rows = filter.completed === undefined ? this.items : this.root.locator(`[data-testid="task-item"][data-completed="${filter.completed}"]`);
    return rows.filter({ hasText: new RegExp(escape(title), 'i') });
  }

  /** The titles on screen, in order. */
  async titles(): Promise<string[]> {
    return this.root.getByTestId('task-title').allInnerTexts();
  }

  /** Reads what a row shows: due date, priority, repeat, tags, overdue and done. */
  async details(row: Locator): Promise<TaskDetails> {
    const optional = async (testId: string, read: (l: Locator) => Promise<string | null>) => {
      const found = row.getByTestId(testId);
      return (await found.count()) > 0 ? read(found.first()) : null;
    };
    return {
      dueLabel: await optional('task-due', (l) => l.locator('time').innerText()),
      dueBadge: await optional('task-due-relative', (l) => l.innerText()),
      description: await optional('task-description', (l) => l.innerText()),
      dueAt: (await row.getAttribute('data-due')) ?? '',
      priority: await optional('task-priority', (l) => l.getAttribute('aria-label')),
      repeat: await optional('task-repeat', (l) => l.innerText().then((text) => text.replace(/^Repeats:\s*/, '').trim())),
      tags: (await row.getByTestId('task-tag').allInnerTexts()).map((tag) => tag.replace(/^#/, '')),
      overdue: (await row.getAttribute('data-overdue')) === 'true',
      completed: (await row.getAttribute('data-completed')) === 'true',
    };
  }

  /** Ticks (or unticks) a task. */
  async toggle(title: string, filter: RowFilter = {}): Promise<void> {
    await this.item(title, filter).getByTestId('task-toggle').click();
  }

  /** Whether a task's box is ticked. */
  isDone(title: string): Promise<boolean> {
    return this.item(title).getByTestId('task-toggle').isChecked();
  }

  /** Renames a task in place. */
  async rename(title: string, next: string): Promise<void> {
    await this.item(title).getByTestId('task-rename').click();
    const input = this.root.getByTestId('task-title-input');
    await input.fill(next);
    await input.press('Enter');
  }

  /** Opens a row's editor, makes the changes and presses Save (the editor stays open if the server refuses). */
  async editDetails(title: string, change: TaskEdit): Promise<void> {
    await this.item(title).getByTestId('task-rename').click();
    await this.fillEditor(change);
    await this.editor.getByTestId('task-edit-save').click();
  }

  /** Fills the open editor's fields. */
  async fillEditor(change: TaskEdit): Promise<void> {
    const fill = async (testId: string, value: string | undefined) => {
      if (value !== undefined) await this.editor.getByTestId(testId).fill(value);
    };
    const select = async (testId: string, value: string | undefined) => {
      if (value !== undefined) await this.editor.getByTestId(testId).selectOption(value);
    };
    await fill('task-title-input', change.title);
    await fill('task-description-input', change.description);
    await fill('task-due-input', change.due);
    await fill('task-time-input', change.time);
    await select('task-priority-input', change.priority);
    await fill('task-tags-input', change.tags);
    await select('task-repeat-input', change.repeat);
  }

  /** Types a line into quick add and waits until its preview shows; returns the chips as [kind, visible text] pairs. */
  async previewQuickAdd(text: string): Promise<[string, string][]> {
    await this.quickAddInput.fill(text);
    await this.quickAddChips.first().waitFor();
    const chips: [string, string][] = [];
    for (const chip of await this.quickAddChips.all()) {
      chips.push([(await chip.getAttribute('data-kind')) ?? '', (await chip.getByTestId('quick-add-chip-text').innerText()).trim()]);
    }
    return chips;
  }

  /** Shows or hides the completed group (under "All"). */
  async toggleCompletedGroup(): Promise<void> {
    await this.root.getByTestId('tasks-completed-toggle').click();
  }

  /** Deletes a task. */
  async remove(title: string): Promise<void> {
    await this.item(title).getByTestId('task-delete').click();
  }

  /** Shows all, pending or completed tasks. */
  async filter(which: 'all' | 'pending' | 'completed'): Promise<void> {
    await this.root.getByTestId(`task-filter-${which}`).click();
  }

  /** Orders the list. */
  async sortBy(order: 'created' | 'due' | 'priority' | 'title'): Promise<void> {
    await this.root.getByTestId('task-sort').selectOption(order);
  }

  /** Searches titles and descriptions (applied at once with Enter). */
  async search(text: string): Promise<void> {
    const box = this.root.getByTestId('task-search');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Sets the folded-out filters; unset ones are left alone. */
  async setFilters(change: { overdue?: boolean; priority?: 'high' | 'medium' | 'low' | ''; tag?: string }): Promise<void> {
    const panel = this.root.getByTestId('task-filters');
    if (!(await panel.isVisible())) await this.root.getByTestId('task-filters-toggle').click();
    if (change.overdue !== undefined) await panel.getByTestId('task-filter-overdue').setChecked(change.overdue);
    if (change.priority !== undefined) await panel.getByTestId('task-filter-priority').selectOption(change.priority);
    if (change.tag !== undefined) await panel.getByTestId('task-filter-tag').selectOption(change.tag);
  }

  /** Turns every filter off (search, overdue, priority, tag). */
  async clearFilters(): Promise<void> {
    const panel = this.root.getByTestId('task-filters');
    if (!(await panel.isVisible())) await this.root.getByTestId('task-filters-toggle').click();
    await panel.getByTestId('task-filters-clear').click();
  }

  /** Reloads the list from the server. */
  async reload(): Promise<void> {
    await this.root.getByTestId('tasks-refresh').click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
