/**
 * axe-core in a real tab: its own source (node_modules/axe-core/axe.min.js) injected through
 * `evaluate`, then run with the default rules plus the WCAG 2.0/2.1 A and AA tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../corpus';
import type { Tab } from './browsers';

const AXE_SOURCE = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Targets (shadow DOM targets joined with ` >>> `) and axe's summary for each node. */
  nodes: string[];
}

export interface AxeReport {
  violations: AxeViolation[];
  /** How many rules passed on at least one node, and how many of those nodes sit in a shadow root. */
  passedRules: number;
  passedInShadow: number;
}

/**
 * Defines `axe` in the tab. Extension pages forbid eval, so the source goes in as the body of the
 * function `evaluate` sends (both drivers send a function's `toString()`).
 */
export async function injectAxe(tab: Tab): Promise<void> {
  const hasAxe = await tab.evaluate(() => typeof (window as any).axe?.run === 'function');
  if (hasAxe) return;
  const inject = () => undefined;
  inject.toString = () => `() => { ${AXE_SOURCE}\n; window.axe = axe; return true; }`;
  await tab.evaluate(inject);
  await tab.waitFor(() => typeof (window as any).axe?.run === 'function');
}

/**
 * Runs axe over `include` (CSS selectors; a host element brings its open shadow root along), or
 * the whole document: once with the default rules and once with the WCAG A/AA tags.
 */
export async function runAxe(tab: Tab, include?: string[]): Promise<AxeReport> {
  await injectAxe(tab);
  return tab.evaluate(
    async ({ include, tags }) => {
      const axe = (window as any).axe;
      const context = include ? { include } : document;
      const passes = new Map<string, boolean>();
      const violations = new Map<string, AxeViolation>();
      const flatten = (target: unknown): string =>
        Array.isArray(target) ? target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' , ') : String(target);
      for (const options of [{}, { runOnly: { type: 'tag', values: tags } }]) {
        const result = await axe.run(context, { ...options, resultTypes: ['violations'] });
        for (const v of result.violations) {
          violations.set(v.id, {
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n: any) => `${flatten(n.target)}: ${n.failureSummary ?? ''}`.slice(0, 400)),
          });
        }
        for (const p of result.passes) {
          const inShadow = p.nodes.some((n: any) => Array.isArray(n.target[0]) && n.target[0].length > 1);
          passes.set(p.id, (passes.get(p.id) ?? false) || inShadow);
        }
      }
      return {
        violations: [...violations.values()],
        passedRules: passes.size,
        passedInShadow: [...passes.values()].filter(Boolean).length,
      };
    },
    { include, tags: WCAG_TAGS },
  );
}

/** A readable failure message: rule, impact, and the nodes. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n');
}
