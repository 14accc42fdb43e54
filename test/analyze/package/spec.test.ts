import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPathTarget, maxSatisfying, parseRange, parseSpec } from '../../../src/analyze/package/index.js';

const VERSIONS = [
  '0.0.3',
  '0.0.4',
  '0.2.3',
  '0.2.9',
  '0.3.0',
  '1.0.0',
  '1.2.3',
  '1.2.9',
  '1.3.0',
  '1.10.0',
  '2.0.0-rc.1',
  '2.0.0',
  '2.1.0-beta.2',
];

function best(range: string): string | undefined {
  const parsed = parseRange(range);
  assert.ok(parsed, `range ${range} parses`);
  return maxSatisfying(VERSIONS, parsed);
}

describe('parseSpec', () => {
  test('valid specs', () => {
    const cases: [string, string, string, string][] = [
      ['left-pad', 'left-pad', 'tag', 'latest'],
      ['left-pad@1.3.0', 'left-pad', 'version', '1.3.0'],
      ['@scope/name@^1.2.0', '@scope/name', 'range', '^1.2.0'],
      ['@scope/name', '@scope/name', 'tag', 'latest'],
      ['name@next', 'name', 'tag', 'next'],
      ['name@>=1 <2', 'name', 'range', '>=1 <2'],
    ];
    for (const [raw, name, kind, value] of cases) {
      const result = parseSpec(raw);
      assert.ok(result.ok, raw);
      assert.deepEqual(
        [result.value.name, result.value.request.kind, result.value.request.value],
        [name, kind, value],
      );
    }
  });

  test('invalid specs', () => {
    for (const raw of [
      '',
      '@scope',
      '@scope/a/b',
      '.hidden',
      'a b',
      'name@!!',
      'git+https://x/y.git',
      'name@%',
    ]) {
      const result = parseSpec(raw);
      assert.equal(result.ok ? 'ok' : result.code, 'bad-spec', raw);
    }
  });

  test('paths are told from specs as npm does', () => {
    assert.deepEqual(
      ['./x', '/abs', 'dir/sub', 'a.tgz', 'C:\\x', '~/p', 'name', '@s/n@1', 'name@^1'].map(isPathTarget),
      [true, true, true, true, true, true, false, false, false],
    );
  });
});

describe('semver ranges', () => {
  test('caret, tilde, x-ranges, comparators, hyphens and alternatives', () => {
    assert.equal(best('^1.2.3'), '1.10.0');
    assert.equal(best('^0.2.3'), '0.2.9');
    assert.equal(best('^0.0.3'), '0.0.3');
    assert.equal(best('~1.2.3'), '1.2.9');
    assert.equal(best('~1'), '1.10.0');
    assert.equal(best('1.2.x'), '1.2.9');
    assert.equal(best('1'), '1.10.0');
    assert.equal(best('*'), '2.0.0');
    assert.equal(best(''), '2.0.0');
    assert.equal(best('>=1.2.3 <1.3.0'), '1.2.9');
    assert.equal(best('<1.2'), '1.0.0');
    assert.equal(best('<=1.2'), '1.2.9');
    assert.equal(best('>1.2'), '2.0.0');
    assert.equal(best('1.0.0 - 1.3'), '1.3.0');
    assert.equal(best('^0.0.3 || ~0.2.0'), '0.2.9');
    assert.equal(best('>3'), undefined);
  });

  test('prereleases only when the range names one of the same version', () => {
    assert.equal(best('>=2.0.0-rc.0 <2.0.0'), '2.0.0-rc.1');
    assert.equal(best('^2.1.0-beta.1'), '2.1.0-beta.2');
    assert.equal(best('>=2.0.1'), undefined);
    assert.equal(best('~2.0.0'), '2.0.0');
  });

  test('non-ranges are refused', () => {
    assert.equal(parseRange('latest'), undefined);
    assert.equal(parseRange('1.2.3.4'), undefined);
    assert.equal(parseRange('>=a'), undefined);
  });
});
