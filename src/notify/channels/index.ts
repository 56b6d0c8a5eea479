// The outside channels this server has, built from the configuration: Web Push (VAPID keys from VAPID_* or, outside
// production, kept in DATA_DIR), the webhook (always: each user chooses a URL), e-mail (when SMTP_URL is set).
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Settings } from '../../domain/settings.js';
import type { OutsideChannel } from '../channel.js';
import { resolveVapid } from '../vapid.js';
import { createEmailChannel } from './email.js';
import { createPushChannel, type PushChannelDeps } from './push.js';
import { createWebhookChannel } from './webhook.js';

export interface ChannelDeps {
  settings: { get(userId: string): Promise<Settings> };
  subscriptions: PushChannelDeps['subscriptions'];
  users: { emailOf(userId: string): Promise<string | undefined> };
  logger: FastifyBaseLogger;
  now?: () => Date;
}

/** The configured channels, the VAPID public key browsers subscribe with (undefined: no Web Push), and their release. */
export interface Channels {
  channels: OutsideChannel[];
  vapidPublicKey?: string;
  close(): void;
}

/** Build the outside channels the configuration allows. */
export function createChannels(config: Config, deps: ChannelDeps): Channels {
  const common = { settings: deps.settings, appUrl: config.PUBLIC_URL, now: deps.now, timeoutMs: config.NOTIFY_TIMEOUT_MS };
  const channels: OutsideChannel[] = [createWebhookChannel({ ...common, version: config.VERSION })];
  const vapid = resolveVapid(config);
  if (vapid.enabled) {
    if (vapid.generated) deps.logger.info('Web Push uses development VAPID keys kept in DATA_DIR/.vapid-keys.json; set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY in production');
    channels.push(createPushChannel({ ...common, vapid: vapid.details, subscriptions: deps.subscriptions }));
  } else {
    deps.logger.warn(`Web Push is off: ${vapid.reason}`);
  }
  const email = config.SMTP_URL
    ? createEmailChannel({ ...common, smtpUrl: config.SMTP_URL, from: config.SMTP_FROM ?? `Todo <todo@${new URL(config.PUBLIC_URL).hostname}>`, users: deps.users })
    : undefined;
  if (email) channels.push(email);
  return { channels, vapidPublicKey: vapid.enabled ? vapid.details.publicKey : undefined, close: () => email?.close() };
}
