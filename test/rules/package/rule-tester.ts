import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toFinding } from '../../../src/rules/define-rule.js';
import type { PackageRule, PackageRuleContext } from '../../../src/rules/package/context.js';
import type { Severity } from '../../../src/model/severity.js';
import { isToolLocation } from '../../../src/model/finding.js';
import { FIXTURE_NOW, makePackage, makePackument } from '../../helpers/package-fixture.js';

export interface ValidCase {
  name: string;
  /** Package files by path; `package.json` is usually written with `manifest()`. */
  files: Record<string, string | Buffer>;
  /** Registry metadata, parsed as the registry client would. */
  packument?: unknown;
  /** The analysis clock, ISO; `FIXTURE_NOW` when absent. */
  now?: string;
}

export interface ExpectedHit {
  file?: string;
  line: number | undefined;
  /** The manifest key the hit points at (`scripts.postinstall`), or undefined. */
  field?: string;
  severity?: Severity;
  /** A fragment the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  hits: ExpectedHit[];
}

/** A package.json text with two-space indentation: line 2 holds the first key. */
export function manifest(value: Record<string, unknown>): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function context(c: ValidCase): PackageRuleContext {
  const out: PackageRuleContext = {
    pkg: makePackage(c.files),
    now: c.now === undefined ? FIXTURE_NOW : new Date(c.now),
  };
  if (c.packument !== undefined) out.packument = makePackument(c.packument);
  return out;
}

/** Runs a package rule over literal valid and invalid cases, asserting rule id, location and severity. */
export function packageRuleTester(
  rule: PackageRule,
  cases: { valid: ValidCase[]; invalid: InvalidCase[] },
): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          assert.deepEqual(rule.check(context(c)), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          const ctx = context(c);
          const findings = rule.check(ctx).map((hit) => toFinding(rule.meta, hit));
          assert.equal(
            findings.length,
            c.hits.length,
            `hits: ${JSON.stringify(findings.map((f) => [f.location, f.message]))}`,
          );
          c.hits.forEach((expected, i) => {
            const finding = findings[i];
            assert.ok(finding);
            assert.equal(finding.ruleId, rule.meta.id);
            assert.equal(finding.target, ctx.pkg.ref);
            assert.ok(!isToolLocation(finding.location));
            assert.equal(finding.location.file, expected.file ?? 'package.json');
            assert.equal(finding.location.line, expected.line);
            assert.equal(finding.location.field, expected.field);
            assert.equal(finding.severity, expected.severity ?? rule.meta.severity);
            if (expected.message !== undefined)
              assert.ok(finding.message.includes(expected.message), finding.message);
          });
        });
      }
    });
  });
}
