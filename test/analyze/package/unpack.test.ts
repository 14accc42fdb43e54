import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DEFAULT_UNPACK_LIMITS, unpackTarball } from '../../../src/analyze/package/index.js';
import type { UnpackedFiles } from '../../../src/analyze/package/index.js';
import type { Result } from '../../../src/model/result.js';
import { tempDir } from '../../helpers/temp.js';
import { manyFiles, tarOf, tgzOf, zeroBomb } from './tarballs.js';

const MB = 1024 * 1024;

function unwrap(result: Result<UnpackedFiles>): UnpackedFiles {
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.message}`);
  return result.value;
}

function codes(value: UnpackedFiles): string[] {
  return value.skipped.map((s) => s.code);
}

const scratch = tempDir('warden-unpack-');

describe('unpackTarball', () => {
  const originalCwd = process.cwd();
  before(() => {
    process.chdir(scratch);
  });
  after(() => {
    process.chdir(originalCwd);
  });
  const assertNothingWritten = (): void => {
    assert.deepEqual(readdirSync(scratch), []);
  };

  test('reads a well-formed package and strips the top folder', async () => {
    const tgz = await tgzOf([
      { name: 'package/package.json', body: '{"name":"a","version":"1.0.0"}' },
      { name: 'package/lib/index.js', body: 'export {};' },
      { name: 'package/lib', type: 'directory' },
    ]);
    const value = unwrap(await unpackTarball(tgz));
    assert.deepEqual(
      value.files.map((f) => [f.path, f.size]),
      [
        ['lib/index.js', 10],
        ['package.json', 30],
      ],
    );
    assert.deepEqual(value.skipped, []);
    assertNothingWritten();
  });

  test('refuses traversal, absolute, drive, UNC and backslash paths, including through PAX', async () => {
    const tgz = await tgzOf([
      { name: '../evil.js', body: 'x' },
      { name: 'package/../../evil.js', body: 'x' },
      { name: '/etc/evil', body: 'x' },
      { name: 'C:/evil.js', body: 'x' },
      { name: '//server/share/evil.js', body: 'x' },
      { name: 'package\\..\\..\\evil.js', body: 'x' },
      { name: `package/${'a'.repeat(150)}/../../../evil.js`, body: 'x' },
      { name: 'package/ok.js', body: 'ok' },
    ]);
    const value = unwrap(await unpackTarball(tgz));
    assert.deepEqual(
      value.files.map((f) => f.path),
      ['ok.js'],
    );
    assert.deepEqual(codes(value), [
      'path-traversal',
      'path-traversal',
      'absolute-path',
      'absolute-path',
      'absolute-path',
      'unsafe-path',
      'path-traversal',
    ]);
    assertNothingWritten();
  });

  test('never keeps links or special files', async () => {
    const tgz = await tgzOf([
      { name: 'package/passwd', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'package/hard', type: 'link', linkname: '/etc/passwd' },
      { name: 'package/tty', type: 'character-device' },
      { name: 'package/disk', type: 'block-device' },
      { name: 'package/pipe', type: 'fifo' },
    ]);
    const value = unwrap(await unpackTarball(tgz));
    assert.deepEqual(value.files, []);
    assert.deepEqual(codes(value), ['symlink', 'hardlink', 'special-file', 'special-file', 'special-file']);
    assertNothingWritten();
  });

  test('keeps the last of duplicate paths and reports it', async () => {
    const tgz = await tgzOf([
      { name: 'package/a.js', body: 'first' },
      { name: 'package/a.js', body: 'second' },
    ]);
    const value = unwrap(await unpackTarball(tgz));
    assert.equal(value.files.length, 1);
    assert.equal(value.files[0]?.data.toString(), 'second');
    assert.deepEqual(codes(value), ['duplicate-path']);
  });

  test('stops a 1 GB decompression bomb by its ratio, quickly and in bounded memory', async () => {
    const bomb = zeroBomb(1024 * MB);
    const before = process.memoryUsage().arrayBuffers;
    const value = unwrap(await unpackTarball(bomb));
    assert.deepEqual(codes(value), ['file-too-large', 'ratio-too-high']);
    assert.deepEqual(value.files, []);
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * MB);
    assertNothingWritten();
  });

  test('stops a bomb at the total bound when the ratio check is relaxed', async () => {
    const value = unwrap(await unpackTarball(zeroBomb(1024 * MB), { maxRatio: 1e9, maxTotalBytes: 50 * MB }));
    assert.deepEqual(codes(value), ['file-too-large', 'total-too-large']);
    assertNothingWritten();
  });

  test('stops at maxFiles with one summary entry for the remainder', async () => {
    const value = unwrap(await unpackTarball(manyFiles(100_000)));
    assert.equal(value.files.length, DEFAULT_UNPACK_LIMITS.maxFiles);
    assert.deepEqual(codes(value), ['too-many-files']);
    assertNothingWritten();
  });

  test('reads past a file over maxFileBytes without keeping it', async () => {
    const tgz = await tgzOf([
      { name: 'package/big.bin', body: randomBytes(20 * MB) },
      { name: 'package/after.js', body: 'still read' },
    ]);
    const value = unwrap(await unpackTarball(tgz));
    assert.deepEqual(
      value.files.map((f) => f.path),
      ['after.js'],
    );
    assert.deepEqual(codes(value), ['file-too-large']);
    assertNothingWritten();
  });

  test('fails with bad-tarball on data that is not gzip', async () => {
    const result = await unpackTarball(Buffer.from('this is not a gzip stream at all'));
    assert.equal(result.ok ? 'ok' : result.code, 'bad-tarball');
    assertNothingWritten();
  });

  test('fails with bad-tarball on a truncated tar and on a truncated gzip', async () => {
    const tar = await tarOf([{ name: 'package/a.js', body: 'a'.repeat(2000) }]);
    const truncatedTar = await unpackTarball(gzipSync(tar.subarray(0, 1000)));
    assert.equal(truncatedTar.ok ? 'ok' : truncatedTar.code, 'bad-tarball');
    const tgz = gzipSync(tar);
    const truncatedGzip = await unpackTarball(tgz.subarray(0, tgz.length - 12));
    assert.equal(truncatedGzip.ok ? 'ok' : truncatedGzip.code, 'bad-tarball');
    assertNothingWritten();
  });
});
