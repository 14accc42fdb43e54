import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePackument, personOf, versionTimes } from '../../../src/rules/package/packument.js';

describe('parsePackument', () => {
  test('reads the fields the rules use and keeps the rest', () => {
    const result = parsePackument({
      _id: 'a-mcp',
      name: 'a-mcp',
      'dist-tags': { latest: '1.0.1' },
      versions: {
        '1.0.1': {
          name: 'a-mcp',
          version: '1.0.1',
          scripts: { postinstall: 'node x.js' },
          _npmUser: { name: 'alice', email: 'alice@example.invalid' },
          dist: {
            integrity: 'sha512-AAAA',
            shasum: 'abc',
            tarball: 'https://registry.npmjs.org/a-mcp/-/a-mcp-1.0.1.tgz',
          },
          gitHead: 'deadbeef',
        },
      },
      time: { created: '2025-01-01T00:00:00.000Z', '1.0.1': '2025-01-02T00:00:00.000Z' },
      readme: '# a-mcp',
    });
    assert.ok(result.ok);
    assert.equal(result.value.versions['1.0.1']?.scripts?.postinstall, 'node x.js');
    assert.equal(result.value['dist-tags']?.latest, '1.0.1');
  });

  test('tolerates an unpublished record and a broken version document', () => {
    const result = parsePackument({
      name: 'gone-mcp',
      versions: { '1.0.0': { version: 1 }, '1.0.1': { version: '1.0.1', scripts: 'oops' } },
      time: { created: '2025-01-01T00:00:00.000Z', unpublished: { time: '2025-02-01T00:00:00.000Z' } },
    });
    assert.ok(result.ok);
    assert.equal(result.value.versions['1.0.0'], undefined);
    assert.equal(result.value.versions['1.0.1']?.scripts, undefined);
    assert.deepEqual(result.value.time, { created: '2025-01-01T00:00:00.000Z' });
  });

  test('refuses what is not a packument', () => {
    for (const raw of [null, 'text', [], { versions: {} }]) {
      const result = parsePackument(raw);
      assert.deepEqual(result.ok ? 'ok' : result.code, 'bad-packument');
    }
  });
});

describe('versionTimes', () => {
  test('lists versions by publication time, without created and modified', () => {
    const result = parsePackument({
      name: 'a',
      time: {
        created: '2025-01-01T00:00:00Z',
        modified: '2025-03-01T00:00:00Z',
        '1.1.0': '2025-02-01T00:00:00Z',
        '1.0.0': '2025-01-01T00:00:00Z',
        bad: 'x',
      },
    });
    assert.ok(result.ok);
    assert.deepEqual(
      versionTimes(result.value).map((v) => v.version),
      ['1.0.0', '1.1.0'],
    );
  });
});

describe('personOf', () => {
  test('reads the string form', () => {
    assert.deepEqual(personOf('Alice <alice@example.invalid> (https://example.invalid)'), {
      name: 'Alice',
      email: 'alice@example.invalid',
    });
    assert.deepEqual(personOf({ name: 'bob' }), { name: 'bob' });
  });
});
