import { readFileSync } from 'node:fs';
import { packageJsonFile } from './paths.js';

/** The app version from package.json (works from src/, dist/ and the bundle). */
export function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(packageJsonFile, 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
