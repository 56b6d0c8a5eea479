// Page object: the chat column (messages, composer, error banner).
import type { Locator, Page } from 'playwright-core';

/** The chat column of the workspace. */
export class ChatPage {
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly banner: Locator;
  readonly retryButton: Locator;
  readonly userMessages: Locator;
  readonly replies: Locator;
  readonly chips: Locator;
  readonly typing: Locator;

  constructor(private readonly page: Page) {
    this.composer = page.getByTestId('composer-input');
    this.sendButton = page.getByTestId('composer-send');
    this.banner = page.getByTestId('chat-error-banner');
    this.retryButton = page.getByTestId('chat-error-banner-retry');
    this.userMessages = page.getByTestId('message-user');
    this.replies = page.getByTestId('message-assistant');
    this.chips = page.getByTestId('tool-chip');
    this.typing = page.getByTestId('typing-indicator');
  }

  /** Waits until the composer can be typed into (enabled). */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('[data-testid="composer-input"]:enabled').waitFor();
  }

  /** Types a message and presses Enter, without waiting for the reply. */
  async type(text: string): Promise<void> {
    await this.waitUntilReady();
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** Sends a message and waits for the finished reply; returns its text. */
  async send(text: string): Promise<string> {
    const before = await this.replies.count();
    await this.type(text);
    const reply = this.replies.nth(before);
    await reply.and(this.page.locator('[aria-busy="false"]')).waitFor();
    await this.waitUntilReady();
    return reply.getByTestId('message-text').innerText();
  }

  /** The texts of the user's messages, oldest first. */
  sentTexts(): Promise<string[]> {
    return this.userMessages.getByTestId('message-text').allInnerTexts();
  }

  /** The texts of the assistant's replies, oldest first. */
  replyTexts(): Promise<string[]> {
    return this.replies.getByTestId('message-text').allInnerTexts();
  }

  /** Presses Undo under the reply at `index` (0 = oldest) and waits for it to say its changes were undone. */
  async undoReply(index: number): Promise<void> {
    const reply = this.replies.nth(index);
    await reply.getByTestId('message-undo').click();
    await reply.getByTestId('message-undone').waitFor();
  }

  /** Whether the reply at `index` offers Undo, shows its changes as undone, or neither (it changed nothing). */
  async undoState(index: number): Promise<'undo' | 'undone' | 'none'> {
    const reply = this.replies.nth(index);
    if ((await reply.getByTestId('message-undone').count()) > 0) return 'undone';
    return (await reply.getByTestId('message-undo').count()) > 0 ? 'undo' : 'none';
  }

  /** The composer's current text. */
  draft(): Promise<string> {
    return this.composer.inputValue();
  }
}
