import type { Finding } from '../model/finding.js';
import type { Skipped } from '../model/coverage.js';
import { toFinding, type Rule } from '../rules/define-rule.js';

export interface RuleRunResult {
  findings: Finding[];
  /** Rules that threw: a bug, reported in coverage so the run is never silently partial. */
  failed: Skipped[];
}

/** Runs each rule over one context; a rule that throws is recorded and the others go on. */
export function runRules<C>(rules: readonly Rule<C>[], context: C, where: string): RuleRunResult {
  const findings: Finding[] = [];
  const failed: Skipped[] = [];
  for (const rule of rules) {
    try {
      for (const hit of rule.check(context)) findings.push(toFinding(rule.meta, hit));
    } catch (error) {
      failed.push({
        path: where,
        code: 'rule-failed',
        reason: `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { findings, failed };
}
