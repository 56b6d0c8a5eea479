// The VAPID key pair Web Push is sent with. Production takes it from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY (every
// instance must sign with the same pair: a browser's subscription is bound to the public key it was made with);
// development generates one on first start and keeps it in DATA_DIR, like the dev auth secret.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { Config } from '../config.js';

/** The keys and contact Web Push requests are signed with. */
export interface VapidDetails {
  publicKey: string;
  privateKey: string;
  /** A contact the push service can reach the operator at (mailto: or https:). */
  subject: string;
}

/** Web Push as configured: on with its keys (`generated`: kept in DATA_DIR), or off and why. */
export type VapidSetup = { enabled: true; details: VapidDetails; generated: boolean } | { enabled: false; reason: string };

const KEY_FILE = '.vapid-keys.json';

/** The subject when VAPID_SUBJECT is unset: PUBLIC_URL if it is https, else a placeholder mailbox (development). */
function defaultSubject(config: Pick<Config, 'PUBLIC_URL' | 'VAPID_SUBJECT'>): string | undefined {
  if (config.VAPID_SUBJECT) return config.VAPID_SUBJECT;
  if (config.PUBLIC_URL.startsWith('https://')) return config.PUBLIC_URL;
  return undefined;
}

/** Read the development key pair from DATA_DIR, or generate and keep one. */
function developmentKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof kept.publicKey === 'string' && typeof kept.privateKey === 'string') return { publicKey: kept.publicKey, privateKey: kept.privateKey };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} is unreadable: delete it to generate new VAPID keys`, { cause: error });
  }
  mkdirSync(dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  writeFileSync(file, `${JSON.stringify({ publicKey: keys.publicKey, privateKey: keys.privateKey })}\n`, { mode: 0o600 });
  return keys;
}

/**
 * Web Push's keys: VAPID_* when set; in development and tests a pair kept in DATA_DIR; in production without
 * VAPID_* Web Push is off (a warning, not a crash: reminders still reach the app, the webhook and e-mail).
 */
export function resolveVapid(config: Pick<Config, 'NODE_ENV' | 'DATA_DIR' | 'PUBLIC_URL' | 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT'>): VapidSetup {
  const production = config.NODE_ENV === 'production';
  const subject = defaultSubject(config) ?? (production ? undefined : 'mailto:notifications@localhost.localdomain');
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    if (!subject) return { enabled: false, reason: 'VAPID_SUBJECT is missing and PUBLIC_URL is not https: set VAPID_SUBJECT to mailto:you@example.com' };
    return { enabled: true, details: { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject }, generated: false };
  }
  if (production) {
    return { enabled: false, reason: 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: set them to a pair from `npx web-push generate-vapid-keys` (the same on every instance)' };
  }
  return { enabled: true, details: { ...developmentKeys(config.DATA_DIR), subject: subject! }, generated: true };
}
