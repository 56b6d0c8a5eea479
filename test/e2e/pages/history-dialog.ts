// Page object: the History dialog (activity and "Recently deleted"), opened from the top bar.
import type { Locator, Page } from 'playwright-core';

/** One group of changes as the activity list shows it. */
export interface ActivityGroupView {
  readonly source: string;
  /** The visible source label ("Chat", "Web app", "API", "MCP · Claude"). */
  readonly sourceLabel: string;
  readonly undone: boolean;
  readonly canUndo: boolean;
  /** Each change as [op, "#n Title"]. */
  readonly entries: [string, string][];
}

/** The modal History dialog. */
export class HistoryDialog {
  readonly root: Locator;
  readonly status: Locator;
  readonly groups: Locator;
  readonly entries: Locator;
  readonly loadMoreButton: Locator;
  readonly end: Locator;
  readonly trashItems: Locator;
  readonly trashEmpty: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('history-dialog');
    this.status = this.root.getByTestId('history-status');
    this.groups = this.root.getByTestId('activity-group');
    this.entries = this.root.getByTestId('activity-entry');
    this.loadMoreButton = this.root.getByTestId('activity-more');
    this.end = this.root.getByTestId('activity-end');
    this.trashItems = this.root.getByTestId('trash-item');
    this.trashEmpty = this.root.getByTestId('trash-empty');
  }

  /** Opens the dialog from the top bar and waits for the activity list (or its empty state). */
  async open(): Promise<void> {
    await this.page.getByTestId('open-history').click();
    await this.root.waitFor();
    await this.root.locator('[data-testid="activity-list"], [data-testid="activity-empty"]').first().waitFor();
  }

  /** Closes it with its × button. */
  async close(): Promise<void> {
    await this.root.getByTestId('history-close').click();
    await this.root.waitFor({ state: 'detached' });
  }

  /** Shows the activity list. */
  async showActivity(): Promise<void> {
    await this.root.getByTestId('history-view-activity').click();
    await this.root.locator('[data-testid="activity-list"], [data-testid="activity-empty"]').first().waitFor();
  }

  /** Shows "Recently deleted" and waits until it has loaded. */
  async showTrash(): Promise<void> {
    await this.root.getByTestId('history-view-trash').click();
    await this.root.locator('[data-testid="trash-list"], [data-testid="trash-empty"]').first().waitFor();
  }

  /** Reads the activity groups on screen, newest first. */
  async readGroups(): Promise<ActivityGroupView[]> {
    const views: ActivityGroupView[] = [];
    for (const group of await this.groups.all()) {
      const entries: [string, string][] = [];
      for (const entry of await group.getByTestId('activity-entry').all()) {
        const title = await entry.getByTestId('activity-title').innerText();
        entries.push([(await entry.getAttribute('data-op')) ?? '', `#${(await entry.getAttribute('data-task-id')) ?? ''} ${title}`]);
      }
      views.push({
        source: (await group.getAttribute('data-source')) ?? '',
        sourceLabel: await group.getByTestId('activity-source').innerText(),
        undone: (await group.getAttribute('data-undone')) === 'true',
        canUndo: (await group.getByTestId('activity-undo').count()) > 0,
        entries,
      });
    }
    return views;
  }

  /** Presses Undo on the group at `index` (0 = newest) and waits for the status line to say how it went. */
  async undo(index: number): Promise<string> {
    const before = await this.status.innerText();
    await this.groups.nth(index).getByTestId('activity-undo').click();
    await this.status.filter(before ? { hasNotText: before } : { hasText: /\S/ }).waitFor();
    return this.status.innerText();
  }

  /** Presses "Load more" and waits until the list has grown. */
  async loadMore(): Promise<void> {
    const shown = await this.entries.count();
    await this.loadMoreButton.click();
    await this.entries.nth(shown).waitFor();
  }

  /** The trash row whose title contains `title`. */
  trashItem(title: string): Locator {
    return this.trashItems.filter({ hasText: title });
  }

  /** Restores a task from "Recently deleted" and waits for its row to go. */
  async restore(title: string): Promise<void> {
    const row = this.trashItem(title);
    await row.getByTestId('trash-restore').click();
    await row.waitFor({ state: 'detached' });
  }
}
