// Page object: Settings → API keys (personal keys for MCP clients and scripts).
import type { Locator, Page } from 'playwright-core';

export class ApiKeysDialog {
  readonly root: Locator;
  readonly items: Locator;
  readonly createdKey: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('api-keys');
    this.items = page.getByTestId('api-key-item');
    this.createdKey = page.getByTestId('api-key-value');
    this.status = page.getByTestId('api-keys-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-settings').click();
    await this.root.waitFor();
  }

  /** Creates a key and returns it as shown (once). */
  async create(name: string, scope: 'mcp' | 'rest', expiryDays: '' | '30' | '90' | '365' = ''): Promise<string> {
    await this.page.getByTestId('api-key-name').fill(name);
    await this.page.getByTestId('api-key-scope').selectOption(scope);
    await this.page.getByTestId('api-key-expiry').selectOption(expiryDays);
    await this.page.getByTestId('api-key-create').click();
    await this.createdKey.waitFor();
    return (await this.createdKey.textContent()) ?? '';
  }

  async revoke(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
  }
}
