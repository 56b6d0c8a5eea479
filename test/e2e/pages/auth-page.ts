// Page object: the sign-in / sign-up screen.
import type { Locator, Page } from 'playwright-core';

/** Credentials for the auth form. */
export interface Credentials {
  readonly name?: string;
  readonly email: string;
  readonly password: string;
}

/** The screen a signed-out visitor sees. */
export class AuthPage {
  readonly root: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  /** The one line that says what the app does. */
  readonly pitch: Locator;
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('auth-screen');
    this.notice = page.getByTestId('auth-notice');
    this.error = page.getByTestId('auth-error');
    this.pitch = page.getByTestId('auth-pitch');
    this.heading = this.root.getByRole('heading', { level: 1 });
  }

  /** The button that switches the form to sign-in or sign-up. */
  modeButton(mode: 'sign-in' | 'sign-up'): Locator {
    return this.page.getByTestId(`auth-mode-${mode}`);
  }

  /** Fills the sign-up form and submits it without waiting for the workspace (for refusals). */
  async submitSignUp(user: Credentials): Promise<void> {
    await this.modeButton('sign-up').click();
    await this.page.getByTestId('auth-name').fill(user.name ?? 'Tester');
    await this.page.getByTestId('auth-email').fill(user.email);
    await this.page.getByTestId('auth-password').fill(user.password);
    await this.page.getByTestId('auth-submit').click();
  }

  /** Opens the app and waits for the auth screen. */
  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.root.waitFor();
  }

  /** Creates an account and waits for the workspace. */
  async signUp(user: Credentials): Promise<void> {
    await this.submitSignUp(user);
    await this.page.getByTestId('workspace').waitFor();
  }

  /** Signs in and waits for the workspace. */
  async signIn(user: Credentials): Promise<void> {
    await this.page.getByTestId('auth-mode-sign-in').click();
    await this.fillAndSubmit(user);
  }

  private async fillAndSubmit(user: Credentials): Promise<void> {
    await this.page.getByTestId('auth-email').fill(user.email);
    await this.page.getByTestId('auth-password').fill(user.password);
    await this.page.getByTestId('auth-submit').click();
    await this.page.getByTestId('workspace').waitFor();
  }
}
