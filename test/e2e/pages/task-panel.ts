// Page object: the task panel beside the chat.
import type { Locator, Page } from 'playwright-core';

/** The task list with its filters. */
export class TaskPanel {
  readonly root: Locator;
  readonly items: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('task-panel');
    this.items = this.root.getByTestId('task-item');
    this.empty = this.root.getByTestId('tasks-empty');
  }

  /** The row whose title contains `title` (case-insensitive). */
  item(title: string): Locator {
    return this.items.filter({ hasText: new RegExp(escape(title), 'i') });
  }

  /** The titles on screen, in order. */
  async titles(): Promise<string[]> {
    return this.root.getByTestId('task-title').allInnerTexts();
  }

  /** Ticks (or unticks) a task. */
  async toggle(title: string): Promise<void> {
    await this.item(title).getByTestId('task-toggle').click();
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

  /** Deletes a task. */
  async remove(title: string): Promise<void> {
    await this.item(title).getByTestId('task-delete').click();
  }

  /** Shows all, pending or completed tasks. */
  async filter(which: 'all' | 'pending' | 'completed'): Promise<void> {
    await this.root.getByTestId(`task-filter-${which}`).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
