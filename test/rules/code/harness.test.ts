// Every code rule against its fixtures: each positive package must produce at least one hit of
// the rule, each benign package none. A fixture is a package folder (package.json and sources).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeRules } from '../../../src/rules/code/index.js';
import { analyzeCode } from '../../../src/analyze/code/index.js';
import { testPath } from '../../helpers/paths.js';
import { loadPackage } from './load-package.js';

const KINDS = ['positive', 'benign'] as const;

function fixtureDir(ruleId: string, kind: (typeof KINDS)[number]): string {
  const [group = '', name = ''] = ruleId.split('/');
  return testPath('rules', group, name, kind);
}

function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

test('every code rule has positive and benign fixtures', () => {
  const missing = codeRules.flatMap((rule) =>
    KINDS.filter((kind) => entries(fixtureDir(rule.meta.id, kind)).length === 0).map(
      (kind) => `${rule.meta.id}: no ${kind} fixtures in ${fixtureDir(rule.meta.id, kind)}`,
    ),
  );
  assert.deepEqual(missing, []);
});

for (const rule of codeRules) {
  describe(`fixtures of ${rule.meta.id}`, () => {
    for (const kind of KINDS) {
      const dir = fixtureDir(rule.meta.id, kind);
      for (const entry of entries(dir)) {
        test(`${kind}/${entry}`, () => {
          const model = analyzeCode(loadPackage(join(dir, entry)));
          assert.deepEqual(model.skipped, [], 'fixture must parse');
          const hits = rule.check({ target: entry, model });
          if (kind === 'positive') assert.ok(hits.length > 0, `${rule.meta.id} found nothing in ${entry}`);
          else
            assert.deepEqual(
              hits.map((h) => h.message),
              [],
            );
        });
      }
    }
  });
}
