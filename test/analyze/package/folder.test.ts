import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadPackage, readFolder } from '../../../src/analyze/package/index.js';
import { testPath } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';
import { tgzOf } from './tarballs.js';

describe('folder and tarball targets', () => {
  test('loads the simple-server fixture with its manifest', async () => {
    const result = await loadPackage(testPath('fixtures', 'packages', 'simple-server'));
    assert.ok(result.ok);
    assert.equal(result.value.ref, 'simple-mcp-server@1.0.0');
    assert.equal(result.value.source.kind, 'folder');
    assert.deepEqual(
      result.value.files.map((f) => f.path),
      ['index.js', 'package.json'],
    );
    assert.deepEqual(result.value.skipped, []);
  });

  test('skips node_modules, .git, links and over-size files, and reads no further than maxFiles', async () => {
    const dir = tempDir('warden-folder-');
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'node_modules', 'dep', 'index.js'), 'x');
    writeFileSync(join(dir, 'src', 'a.js'), 'a');
    writeFileSync(join(dir, 'src', 'b.js'), 'b');
    writeFileSync(join(dir, 'big.js'), 'x'.repeat(2048));
    symlinkSync('/etc/passwd', join(dir, 'passwd'));
    const result = await readFolder(dir, { maxFileBytes: 1024 });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.files.map((f) => f.path),
      ['src/a.js', 'src/b.js'],
    );
    assert.deepEqual(
      result.value.skipped.map((s) => [s.path, s.code]),
      [
        ['.git', 'excluded-dir'],
        ['big.js', 'file-too-large'],
        ['node_modules', 'excluded-dir'],
        ['passwd', 'symlink'],
      ],
    );
    const capped = await readFolder(dir, { maxFiles: 1 });
    assert.ok(capped.ok);
    assert.equal(capped.value.files.length, 1);
    assert.equal(capped.value.skipped.filter((s) => s.code === 'too-many-files').length, 1);
  });

  test('a folder without a valid package.json has no manifest and reports it', async () => {
    const dir = tempDir('warden-folder-');
    writeFileSync(join(dir, 'package.json'), '{ not json');
    writeFileSync(join(dir, 'server.js'), '1');
    const result = await loadPackage(dir);
    assert.ok(result.ok);
    assert.equal(result.value.manifest, undefined);
    assert.equal(result.value.ref, dir);
    assert.deepEqual(
      result.value.skipped.map((s) => s.code),
      ['parse-error'],
    );
  });

  test('loads a .tgz file from disk and writes nothing', async () => {
    const dir = tempDir('warden-tgz-');
    const path = join(dir, 'pkg.tgz');
    writeFileSync(
      path,
      await tgzOf([
        { name: 'package/package.json', body: '{"name":"t","version":"0.1.0"}' },
        { name: 'package/../escape.js', body: 'x' },
      ]),
    );
    const result = await loadPackage(path, { cacheDir: join(dir, 'cache') });
    assert.ok(result.ok);
    assert.equal(result.value.ref, 't@0.1.0');
    assert.deepEqual(
      result.value.skipped.map((s) => s.code),
      ['path-traversal'],
    );
    assert.deepEqual(readdirSync(dir), ['pkg.tgz']);
  });

  test('a path that does not exist is not-found, and a broken .tgz is bad-tarball', async () => {
    const dir = tempDir('warden-tgz-');
    const missing = await loadPackage(join(dir, 'nope.tgz'));
    assert.equal(missing.ok ? 'ok' : missing.code, 'not-found');
    writeFileSync(join(dir, 'broken.tgz'), 'not gzip');
    const broken = await loadPackage(join(dir, 'broken.tgz'));
    assert.equal(broken.ok ? 'ok' : broken.code, 'bad-tarball');
  });
});
