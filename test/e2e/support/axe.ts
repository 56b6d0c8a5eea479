// Accessibility checks with axe-core, injected into the page under test: one call per screen state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Read once per test process; evaluated rather than added as a <script>, which the app's CSP rightly refuses.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The parts of an axe result the report needs. */
interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

/** What to check beyond axe's defaults. */
export interface AxeOptions {
  /** Selectors to leave out (a third-party widget, say); none by default. */
  readonly exclude?: readonly string[];
  /**
   * The smallest touch target in CSS px (WCAG 2.5.8 asks 24; phones get 44, Apple's and Android's guidance).
   * axe's target-size rule is off by default; it is always on here.
   */
  readonly minTargetSize?: number;
}

// axe-core defines this global in the page once its script is injected; only page.evaluate callbacks read it.
declare global {
  var axe: typeof import('axe-core') | undefined;
}

const BLOCKING = new Set(['serious', 'critical']);

function describe(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.map(String).join(' > ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the page as it is now and fails listing each serious or critical violation with its id,
 * impact and the elements it found; `label` names the screen in the message.
 */
export async function assertAccessible(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  if (!(await page.evaluate(() => globalThis.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const minSize = options.minTargetSize ?? 24;
  const violations = await page.evaluate(
    async ({ exclude, minSize }) => {
      const axe = globalThis.axe;
      if (!axe) throw new Error('axe-core did not load into the page');
      axe.configure({ checks: [{ id: 'target-size', options: { minSize } }, { id: 'target-offset', options: { minOffset: minSize } }] });
      const result = await axe.run({ exclude: exclude.map((selector) => [selector]) }, { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
      }));
    },
    { exclude: [...(options.exclude ?? [])], minSize },
  );
  const blocking = violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
  assert.equal(blocking.length, 0, `axe found ${blocking.length} serious or critical violation(s) on ${label}:\n${describe(blocking)}`);
}
