// The e-mail channel (when the server has SMTP_URL): each notification mailed to the user's account address, as
// plain text and simple HTML. An SMTP reply the server means for good (5xx) is final; anything else is retried.
import type { Transporter } from 'nodemailer';
import type { NotificationRow } from '../../domain/notifications.js';
import type { Settings } from '../../domain/settings.js';
import type { OutsideChannel, SendResult } from '../channel.js';
import { describeNotification, type NotificationMessage } from './message.js';

export interface EmailChannelDeps {
  /** smtp:// or smtps:// with credentials (never logged). */
  smtpUrl: string;
  from: string;
  settings: { get(userId: string): Promise<Settings> };
  users: { emailOf(userId: string): Promise<string | undefined> };
  appUrl: string;
  /** How long each SMTP step may take (ms). */
  timeoutMs?: number;
  now?: () => Date;
}

/** An e-mail channel with its transport, which `close` releases. */
export interface EmailChannel extends OutsideChannel {
  close(): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML part: the body's lines as paragraphs and a link to the app. */
function html(message: NotificationMessage, appUrl: string): string {
  const paragraphs = message.body.split('\n').filter(Boolean).map((line) => `<p>${escapeHtml(line)}</p>`);
  return `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.join('')}<p><a href="${escapeHtml(appUrl)}">Open your tasks</a></p></body></html>`;
}

/** What a nodemailer error came to; the text names the SMTP code, never the address or the server's credentials. */
function failure(error: unknown): SendResult {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; permanent?: unknown };
  if (typeof e.responseCode === 'number') return { ok: false, error: `the mail server answered ${e.responseCode}`, final: e.permanent === true };
  const code = typeof e.code === 'string' ? e.code : 'an unknown error';
  // Bad credentials or a bad address are not fixed by waiting, but an operator may fix the former: retried like the rest.
  return { ok: false, error: `sending e-mail failed (${code})`, final: false };
}

/** The e-mail channel over one SMTP transport. */
export function createEmailChannel(deps: EmailChannelDeps): EmailChannel {
  const clock = deps.now ?? (() => new Date());
  const timeout = deps.timeoutMs ?? 10_000;
  // nodemailer loads with the first mail (~60 ms of start-up saved for every server, most of which send none).
  let transport: Transporter | undefined;
  const transportNow = async (): Promise<Transporter> => {
    if (transport) return transport;
    const { default: nodemailer } = await import('nodemailer');
    transport ??= nodemailer.createTransport({ url: deps.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 2 });
    return transport;
  };
  return {
    name: 'email',
    async send(notification: NotificationRow): Promise<SendResult> {
      const settings = await deps.settings.get(notification.userId);
      if (!settings.email_notifications) return { ok: false, error: 'e-mail notifications were turned off', final: true };
      const to = await deps.users.emailOf(notification.userId);
      if (!to) return { ok: false, error: 'the account has no e-mail address', final: true };
      const message = describeNotification(notification, settings, clock());
      try {
        await (await transportNow()).sendMail({
          from: deps.from,
          to,
          subject: message.subject,
          text: `${message.body}\n\n${deps.appUrl}\n`,
          html: html(message, deps.appUrl),
          headers: { 'X-Todo-Notification-Id': String(notification.id) },
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    close: () => transport?.close(),
  };
}
