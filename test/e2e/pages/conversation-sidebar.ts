// Page object: the conversations sidebar.
import type { Locator, Page } from 'playwright-core';

/** The list of conversations. */
export class ConversationSidebar {
  readonly root: Locator;
  readonly items: Locator;
  readonly active: Locator;
  readonly renameInput: Locator;
  readonly renameError: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('conversation-sidebar');
    this.items = this.root.getByTestId('conversation-item');
    this.active = this.root.locator('[data-testid="conversation-open"][aria-current="page"]');
    this.renameInput = this.root.getByTestId('conversation-title-input');
    this.renameError = this.root.getByTestId('conversation-rename-error');
  }

  /** The titles, in the order shown (most recent first). */
  titles(): Promise<string[]> {
    return this.root.getByTestId('conversation-title').allInnerTexts();
  }

  /** Starts a new chat. */
  async startNew(): Promise<void> {
    await this.root.getByTestId('new-conversation').click();
  }

  /** Opens the conversation at `index` (0 = most recent). */
  async open(index: number): Promise<void> {
    await this.items.nth(index).getByTestId('conversation-open').click();
  }

  /** Renames the conversation at `index` (the field stays open, with the reason, if the server refuses). */
  async rename(index: number, title: string): Promise<void> {
    await this.items.nth(index).getByTestId('conversation-rename').click();
    await this.renameInput.fill(title);
    await this.renameInput.press('Enter');
  }

  /** Deletes the conversation at `index`, confirming. */
  async remove(index: number): Promise<void> {
    await this.items.nth(index).getByTestId('conversation-delete').click();
    await this.root.getByTestId('conversation-delete-confirm').click();
  }
}
