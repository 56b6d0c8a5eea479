// Start-up failures an operator can fix, each reported as one line on stderr before exiting 1.
import { createRuntime, type Runtime, type RuntimeOptions } from '../compose.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { logFileStream, type LogFileStream } from '../observability/logger.js';

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The configuration, or exit naming the variable and the fix. */
export function configOrExit(env: Record<string, string | undefined>, version: string): Config {
  try {
    return loadConfig(env, version);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitWith(`Configuration error: ${error.message}`);
  }
}

/** The rotated LOG_FILE when one is set, or exit saying why it cannot be written. */
export function logFileOrExit(config: Config): LogFileStream | undefined {
  if (!config.LOG_FILE) return undefined;
  try {
    return logFileStream({ path: config.LOG_FILE, size: config.LOG_FILE_SIZE, frequency: config.LOG_FILE_FREQUENCY, keep: config.LOG_FILE_KEEP });
  } catch (error) {
    exitWith(`Configuration error: LOG_FILE cannot be written (${error instanceof Error ? error.message : String(error)}); pick a writable path or unset it`);
  }
}

/** The runtime, or exit when the embedded database is held by another process. */
export async function runtimeOrExit(config: Config, options: RuntimeOptions): Promise<Runtime> {
  try {
    return await createRuntime(config, options);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    exitWith(`Start-up error: ${error.message}`);
  }
}
