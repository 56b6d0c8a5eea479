// Page object: the notification bell in the top bar and the notifications dialog (list, browser alerts, settings).
import type { Locator, Page } from 'playwright-core';

/** The bell and its dialog. */
export class Notifications {
  readonly bell: Locator;
  readonly dialog: Locator;
  readonly items: Locator;
  readonly empty: Locator;
  readonly alerts: Locator;
  readonly settings: Locator;

  constructor(private readonly page: Page) {
    this.bell = page.getByTestId('notification-bell');
    this.dialog = page.getByTestId('notifications-dialog');
    this.items = this.dialog.getByTestId('notification-item');
    this.empty = this.dialog.getByTestId('notifications-empty');
    this.alerts = this.dialog.getByTestId('browser-alerts');
    this.settings = this.dialog.getByTestId('notification-settings');
  }

  /** The bell's accessible name ("Notifications, 1 unread"). */
  async bellName(): Promise<string> {
    return (await this.bell.getAttribute('aria-label')) ?? '';
  }

  /** Opens the dialog from the bell and waits for its list (or its empty state). */
  async open(): Promise<void> {
    await this.bell.click();
    await this.dialog.waitFor();
    await this.dialog.locator('[data-testid="notifications-list"], [data-testid="notifications-empty"]').first().waitFor();
  }

  /** Closes it with its × button. */
  async close(): Promise<void> {
    await this.dialog.getByTestId('notifications-close').click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** The row whose title contains `title`. */
  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByTestId('notification-title').filter({ hasText: title }) });
  }

  /** Presses "Mark read" on a row and waits until the row says it is read. */
  async markRead(title: string): Promise<void> {
    const row = this.item(title);
    await row.getByTestId('notification-mark-read').click();
    await row.and(this.page.locator('[data-read="true"]')).waitFor();
  }

  /** Shows the Settings view and waits for the form. */
  async showSettings(): Promise<void> {
    await this.dialog.getByTestId('notifications-view-settings').click();
    await this.settings.waitFor();
  }

  /** Presses Save in the settings and waits for the status line or a refusal; returns what it says. */
  async saveSettings(): Promise<string> {
    await this.settings.getByTestId('notification-settings-save').click();
    const said = this.settings.locator('[data-testid="notification-settings-status"]:not(:empty), [data-testid="notification-settings-error"]');
    await said.first().waitFor();
    return said.first().innerText();
  }
}
