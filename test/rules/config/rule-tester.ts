import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toFinding } from '../../../src/rules/define-rule.js';
import type { ConfigRule } from '../../../src/rules/config/context.js';
import type { ConfigFileRecord } from '../../../src/model/discovery.js';
import type { Severity } from '../../../src/model/severity.js';
import { isToolLocation } from '../../../src/model/finding.js';
import { makeServer, type ServerInput } from '../../helpers/make-server.js';

export interface ValidCase {
  name: string;
  servers?: ServerInput[];
  files?: ConfigFileRecord[];
}

export interface ExpectedHit {
  /** The field the hit points at (`env.GITHUB_TOKEN`, `args.3`), or undefined for the entry. */
  field?: string;
  line: number | undefined;
  server?: string;
  file?: string;
  severity?: Severity;
  /** A fragment the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  hits: ExpectedHit[];
  /** Text that must not appear in any message or evidence (a secret value). */
  secret?: string;
}

/** Runs a config rule over literal valid and invalid cases, asserting rule id and location of each hit. */
export function ruleTester(rule: ConfigRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const context = (c: ValidCase) => ({
    servers: (c.servers ?? []).map((s) => makeServer(s)),
    files: c.files ?? [],
  });
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
          const findings = rule.check(context(c)).map((hit) => toFinding(rule.meta, hit));
          assert.equal(
            findings.length,
            c.hits.length,
            `hits: ${JSON.stringify(findings.map((f) => f.location))}`,
          );
          c.hits.forEach((expected, i) => {
            const finding = findings[i];
            assert.ok(finding);
            assert.equal(finding.ruleId, rule.meta.id);
            assert.ok(!isToolLocation(finding.location));
            const location = finding.location;
            assert.equal(location.field, expected.field);
            assert.equal(location.line, expected.line);
            if (expected.server !== undefined) assert.equal(location.server, expected.server);
            if (expected.file !== undefined) assert.equal(location.file, expected.file);
            assert.equal(finding.severity, expected.severity ?? rule.meta.severity);
            if (expected.message !== undefined)
              assert.ok(finding.message.includes(expected.message), finding.message);
            if (c.secret !== undefined) {
              assert.ok(!finding.message.includes(c.secret), 'secret in message');
              assert.ok(!(finding.evidence ?? '').includes(c.secret), 'secret in evidence');
            }
          });
        });
      }
    });
  });
}
