// Every registered rule has a docs page whose title and severity agree with its metadata,
// and no page describes a rule that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configRules } from '../../src/rules/config/index.js';
import { codeRules } from '../../src/rules/code/index.js';
import { packageRules } from '../../src/rules/package/index.js';
import { repoRoot } from '../helpers/paths.js';

const GROUPS = ['config', 'code', 'package'] as const;
const rules = new Map(
  [...configRules, ...codeRules, ...packageRules].map((rule) => [rule.meta.id, rule.meta]),
);

function pagePath(id: string): string {
  return join(repoRoot, 'docs', 'rules', `${id}.md`);
}

function pages(): { id: string; text: string }[] {
  return GROUPS.flatMap((group) => {
    const dir = join(repoRoot, 'docs', 'rules', group);
    const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md')) : [];
    return names.sort().map((name) => ({
      id: `${group}/${name.slice(0, -3)}`,
      text: readFileSync(join(dir, name), 'utf8'),
    }));
  });
}

test('every registered rule has a docs page', () => {
  const missing = [...rules.keys()].filter((id) => !existsSync(pagePath(id)));
  assert.deepEqual(missing, []);
});

test('every docs page is about a registered rule', () => {
  assert.deepEqual(
    pages()
      .map((p) => p.id)
      .filter((id) => !rules.has(id)),
    [],
  );
});

test('each page starts with its rule id and title', () => {
  const wrong = pages().flatMap(({ id, text }) => {
    const meta = rules.get(id);
    const heading = text.split('\n')[0] ?? '';
    return meta && heading !== `# ${id} — ${meta.title}` ? [`${id}: ${heading}`] : [];
  });
  assert.deepEqual(wrong, []);
});

test('the severity line of each page agrees with the rule metadata', () => {
  const wrong = pages().flatMap(({ id, text }) => {
    const meta = rules.get(id);
    const severity = /^\*\*Severity:\*\* (\w+)/m.exec(text)?.[1];
    return meta && severity !== meta.severity
      ? [`${id}: page says ${severity ?? 'nothing'}, rule says ${meta.severity}`]
      : [];
  });
  assert.deepEqual(wrong, []);
});

test('every rule id a page names in backticks exists', () => {
  const unknown = pages().flatMap(({ id, text }) =>
    [...text.matchAll(/`((?:config|code|package|tools)\/[a-z0-9]+(?:-[a-z0-9]+)*)`/g)]
      .map((m) => m[1] ?? '')
      .filter((named) => GROUPS.some((g) => named.startsWith(`${g}/`)) && !rules.has(named))
      .map((named) => `${id} names ${named}`),
  );
  assert.deepEqual(unknown, []);
});

test('each page has the sections a reader needs', () => {
  const sections = [
    '## What it finds',
    '## Why it matters',
    '## Bad',
    '## Good',
    '## How to fix',
    '## When it is intended',
  ];
  const missing = pages().flatMap(({ id, text }) =>
    sections.filter((s) => !text.includes(s)).map((s) => `${id}: ${s}`),
  );
  assert.deepEqual(missing, []);
});
