// Every config rule against its fixtures: each positive fixture must produce at least one hit
// of the rule, each benign fixture none. A fixture is a config file, or a folder of config files
// (named as their clients' files) scanned together.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configRules } from '../../src/rules/config/index.js';
import { scanConfigFile } from '../../src/discovery/index.js';
import type { ConfigRuleContext } from '../../src/rules/config/context.js';
import { testPath } from '../helpers/paths.js';

const KINDS = ['positive', 'benign'] as const;

function fixtureDir(ruleId: string, kind: (typeof KINDS)[number]): string {
  const [group = '', name = ''] = ruleId.split('/');
  return testPath('rules', group, name, kind);
}

function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

async function load(path: string): Promise<ConfigRuleContext & { unparsed: string[] }> {
  const context: ConfigRuleContext & { unparsed: string[] } = { servers: [], files: [], unparsed: [] };
  for (const file of filesUnder(path)) {
    const result = await scanConfigFile(file);
    context.servers = [...context.servers, ...result.servers];
    context.files = [...context.files, ...result.files];
    context.unparsed.push(...result.files.filter((f) => !f.parsed).map((f) => f.path));
    if (result.files.length === 0) context.unparsed.push(file);
  }
  return context;
}

test('every config rule has positive and benign fixtures', () => {
  const missing = configRules.flatMap((rule) =>
    KINDS.filter((kind) => entries(fixtureDir(rule.meta.id, kind)).length === 0).map(
      (kind) => `${rule.meta.id}: no ${kind} fixtures in ${fixtureDir(rule.meta.id, kind)}`,
    ),
  );
  assert.deepEqual(missing, []);
});

for (const rule of configRules) {
  describe(`fixtures of ${rule.meta.id}`, () => {
    const readsBrokenFiles = rule.meta.id === 'config/unparseable-config';
    for (const kind of KINDS) {
      const dir = fixtureDir(rule.meta.id, kind);
      for (const entry of entries(dir)) {
        test(`${kind}/${entry}`, async () => {
          const context = await load(join(dir, entry));
          if (!readsBrokenFiles || kind === 'benign')
            assert.deepEqual(context.unparsed, [], 'fixture must parse');
          const hits = rule.check(context);
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
