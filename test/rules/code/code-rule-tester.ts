import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode } from '../../../src/analyze/code/index.js';
import { toFinding } from '../../../src/rules/define-rule.js';
import type { CodeRule } from '../../../src/rules/code/index.js';
import { isToolLocation } from '../../../src/model/finding.js';
import type { Severity } from '../../../src/model/severity.js';
import { packageOf } from './load-package.js';

export interface CodeCase {
  name: string;
  /** Package files by path (`index.js`, `src/a.ts`) and their source text. */
  files: Record<string, string>;
}

export interface ExpectedCodeHit {
  file: string;
  line: number;
  column: number;
  severity?: Severity;
  /** A fragment the message must contain. */
  message?: string;
}

export interface InvalidCodeCase extends CodeCase {
  hits: ExpectedCodeHit[];
}

/** Runs a code rule over literal packages, asserting rule id, file, line and column of every hit. */
export function codeRuleTester(
  rule: CodeRule,
  cases: { valid: CodeCase[]; invalid: InvalidCodeCase[] },
): void {
  const run = (c: CodeCase) => {
    const model = analyzeCode(packageOf(c.files));
    assert.deepEqual(model.skipped, [], 'case must parse');
    return rule.check({ target: 'case', model }).map((hit) => toFinding(rule.meta, hit));
  };
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          assert.deepEqual(
            run(c).map((f) => f.message),
            [],
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          const findings = run(c);
          assert.equal(
            findings.length,
            c.hits.length,
            `hits: ${JSON.stringify(findings.map((f) => [f.location, f.message]))}`,
          );
          c.hits.forEach((expected, i) => {
            const finding = findings[i];
            assert.ok(finding);
            assert.equal(finding.ruleId, rule.meta.id);
            assert.ok(!isToolLocation(finding.location));
            assert.deepEqual(finding.location, {
              file: expected.file,
              line: expected.line,
              column: expected.column,
            });
            assert.equal(finding.severity, expected.severity ?? rule.meta.severity);
            assert.ok(finding.evidence !== undefined && finding.evidence !== '', 'evidence');
            if (expected.message !== undefined)
              assert.ok(finding.message.includes(expected.message), finding.message);
          });
        });
      }
    });
  });
}
