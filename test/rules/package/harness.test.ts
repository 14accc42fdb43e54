// Every package rule against its fixtures: each positive fixture must produce at least one hit
// above info, each benign fixture none above info (info is context, such as a build step).
// A fixture is a package folder, with its registry metadata in `packument.json` beside it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRules, PACKUMENT_RULES } from '../../../src/rules/package/index.js';
import { testPath } from '../../helpers/paths.js';
import { loadPackageCase } from '../../helpers/package-fixture.js';

const KINDS = ['positive', 'benign'] as const;

function fixtureDir(ruleId: string, kind: (typeof KINDS)[number]): string {
  const [group = '', name = ''] = ruleId.split('/');
  return testPath('rules', group, name, kind);
}

function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

test('every package rule has positive and benign fixtures', () => {
  const missing = packageRules.flatMap((rule) =>
    KINDS.filter((kind) => entries(fixtureDir(rule.meta.id, kind)).length === 0).map(
      (kind) => `${rule.meta.id}: no ${kind} fixtures in ${fixtureDir(rule.meta.id, kind)}`,
    ),
  );
  assert.deepEqual(missing, []);
});

test('package rules are registered in alphabetical order of id', () => {
  const ids = packageRules.map((rule) => rule.meta.id);
  assert.deepEqual(ids, [...ids].sort());
});

test('every rule that needs registry metadata is registered', () => {
  const ids = new Set(packageRules.map((rule) => rule.meta.id));
  assert.deepEqual(
    PACKUMENT_RULES.filter((id) => !ids.has(id)),
    [],
  );
});

for (const rule of packageRules) {
  describe(`fixtures of ${rule.meta.id}`, () => {
    for (const kind of KINDS) {
      const dir = fixtureDir(rule.meta.id, kind);
      for (const entry of entries(dir)) {
        test(`${kind}/${entry}`, () => {
          const context = loadPackageCase(join(dir, entry));
          assert.ok(context.pkg.manifest, 'fixture must have a valid package.json');
          const alarms = rule.check(context).filter((hit) => (hit.severity ?? rule.meta.severity) !== 'info');
          if (kind === 'positive') assert.ok(alarms.length > 0, `${rule.meta.id} found nothing in ${entry}`);
          else
            assert.deepEqual(
              alarms.map((h) => h.message),
              [],
            );
        });
      }
    }
  });
}

test('rules that need registry metadata find nothing without it', () => {
  for (const rule of packageRules.filter((r) => PACKUMENT_RULES.includes(r.meta.id))) {
    for (const entry of entries(fixtureDir(rule.meta.id, 'positive'))) {
      const online = loadPackageCase(join(fixtureDir(rule.meta.id, 'positive'), entry));
      assert.deepEqual(
        rule.check({ pkg: online.pkg, now: online.now }),
        [],
        `${rule.meta.id} on ${entry} offline`,
      );
    }
  }
});
