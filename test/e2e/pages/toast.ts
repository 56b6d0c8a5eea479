// Page object: the toast that says what just happened, with Undo.
import type { Locator, Page } from 'playwright-core';

/** The workspace's toast. */
export class Toast {
  readonly region: Locator;
  readonly root: Locator;
  readonly text: Locator;
  readonly action: Locator;
  readonly dismissButton: Locator;

  constructor(page: Page) {
    this.region = page.getByTestId('toast-region');
    this.root = this.region.getByTestId('toast');
    this.text = this.root.getByTestId('toast-text');
    this.action = this.root.getByTestId('toast-action');
    this.dismissButton = this.root.getByTestId('toast-dismiss');
  }

  /** Waits for a toast whose text matches and returns its text. */
  async waitFor(text: RegExp): Promise<string> {
    await this.text.filter({ hasText: text }).waitFor();
    return this.text.innerText();
  }

  /** Presses the toast's Undo and waits for the toast to say how it went; returns that. */
  async undo(): Promise<string> {
    await this.action.click();
    await this.action.waitFor({ state: 'detached' });
    return this.text.innerText();
  }
}
