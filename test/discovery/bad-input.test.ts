import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover, scanConfigFile } from '../../src/discovery/index.js';
import { describeFsError } from '../../src/discovery/fs/read.js';
import type { DiscoveryResult } from '../../src/model/discovery.js';
import { tempDir } from '../helpers/temp.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function write(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const valid = JSON.stringify({
  mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] } },
});

function hostileHome(): { home: string; paths: Record<string, string> } {
  const home = tempDir('warden-bad-');
  const paths: Record<string, string> = {
    valid: write(join(home, '.claude.json'), valid),
    invalid: write(
      join(home, '.cursor', 'mcp.json'),
      '{\n  "mcpServers": {\n    "a": { "command": "npx" }\n    "b": {}\n  }\n}\n',
    ),
    binary: write(
      join(home, '.codeium', 'windsurf', 'mcp_config.json'),
      Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]),
    ),
    large: join(home, '.config', 'Claude', 'claude_desktop_config.json'),
    loop: join(home, '.copilot', 'mcp-config.json'),
    folder: join(home, '.lmstudio', 'mcp.json'),
    locked: write(join(home, '.aws', 'amazonq', 'mcp.json'), valid),
    shape: write(join(home, '.kiro', 'settings', 'mcp.json'), '{ "mcpServers": "oops" }'),
    mixed: write(
      join(home, '.gemini', 'settings.json'),
      '{\n  "mcpServers": {\n    "broken": 42,\n    "args-wrong": { "command": "x", "args": "--flag" },\n    "good": { "command": "uvx", "args": ["mcp-server-time==2025.7.1"] }\n  }\n}\n',
    ),
    aliases: write(
      join(home, '.config', 'goose', 'config.yaml'),
      [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        ...'bcdefghij'.split('').map(
          (c, i) =>
            `${c}: &${c} [${Array(10)
              .fill(`*${'abcdefghij'[i] ?? 'a'}`)
              .join(', ')}]`,
        ),
        'extensions: {}',
      ].join('\n'),
    ),
    deep: write(join(home, '.config', 'crush', 'crush.json'), `${'['.repeat(5000)}${']'.repeat(5000)}`),
  };
  mkdirSync(dirname(paths.large ?? ''), { recursive: true });
  closeSync(openSync(paths.large ?? '', 'w'));
  truncateSync(paths.large ?? '', 100 * 1024 * 1024);
  mkdirSync(dirname(paths.loop ?? ''), { recursive: true });
  symlinkSync(join(home, '.copilot', 'other.json'), paths.loop ?? '');
  symlinkSync(paths.loop ?? '', join(home, '.copilot', 'other.json'));
  mkdirSync(paths.folder ?? '', { recursive: true });
  chmodSync(paths.locked ?? '', 0o000);
  return { home, paths };
}

const { home, paths } = hostileHome();
let cached: Promise<DiscoveryResult> | undefined;
function run(): Promise<DiscoveryResult> {
  cached ??= discover({ platform: 'linux', home, env: {}, cwd: home, systemRoot: join(home, 'no-system') });
  return cached;
}

function skipCode(result: DiscoveryResult, path: string | undefined): string | undefined {
  return result.skipped.find((s) => s.path === path)?.code;
}

test('valid files still produce servers next to hostile ones', async () => {
  const result = await run();
  const names = result.servers.map((s) => `${s.client} ${s.name}`).sort();
  assert.ok(names.includes('claude-code fetch'));
  assert.ok(names.includes('gemini-cli good'));
});

test('invalid JSON is a parse-error record with the position of the first error', async () => {
  const result = await run();
  const record = result.files.find((f) => f.path === paths.invalid);
  assert.equal(record?.parsed, false);
  assert.equal(record.error?.code, 'parse-error');
  assert.deepEqual(record.error.position, { line: 4, column: 5 });
  assert.equal(record.serverCount, 0);
  assert.equal(skipCode(result, paths.invalid), 'parse-error');
});

test('a binary file is skipped as binary', async () => {
  assert.equal(skipCode(await run(), paths.binary), 'binary');
});

test('a 100 MB file is skipped as too-large from its size alone', async () => {
  const result = await run();
  assert.equal(skipCode(result, paths.large), 'too-large');
  assert.equal(
    result.files.some((f) => f.path === paths.large),
    false,
  );
});

test('the size limit is configurable', async () => {
  const result = await scanConfigFile(paths.valid ?? '', { limits: { maxFileBytes: 10 } });
  assert.equal(result.skipped[0]?.code, 'too-large');
  assert.equal(result.servers.length, 0);
});

test('a symbolic link loop is skipped as symlink-loop', async () => {
  assert.equal(skipCode(await run(), paths.loop), 'symlink-loop');
});

test('a folder where a file is expected is skipped as not-a-file', async () => {
  assert.equal(skipCode(await run(), paths.folder), 'not-a-file');
});

test(
  'a file without read permission is skipped as not-readable',
  { skip: isRoot ? 'running as root: root can read a mode-000 file' : false },
  async () => {
    assert.equal(skipCode(await run(), paths.locked), 'not-readable');
  },
);

test('permission errors map to not-readable (checked without the filesystem, so also as root)', () => {
  const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
  const outcome = describeFsError(denied);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.code, 'not-readable');
  assert.equal(describeFsError(Object.assign(new Error('perm'), { code: 'EPERM' })).code, 'not-readable');
  assert.equal(describeFsError(Object.assign(new Error('loop'), { code: 'ELOOP' })).code, 'symlink-loop');
  assert.equal(describeFsError(Object.assign(new Error('gone'), { code: 'ENOENT' })).code, 'absent');
});

test('a servers key of the wrong type is a bad-shape record naming the key', async () => {
  const result = await run();
  const record = result.files.find((f) => f.path === paths.shape);
  assert.equal(record?.parsed, true);
  assert.equal(record.error?.code, 'bad-shape');
  assert.match(record.error.message, /mcpServers/);
  assert.ok(record.error.message.includes(paths.shape ?? ''));
  assert.deepEqual(record.error.position, { line: 1, column: 3 });
  assert.equal(skipCode(result, paths.shape), 'bad-shape');
});

test('bad entries are reported and the valid entries of the same file come through', async () => {
  const result = await run();
  const record = result.files.find((f) => f.path === paths.mixed);
  assert.equal(record?.error?.code, 'bad-shape');
  assert.match(record.error.message, /mcpServers\.broken/);
  assert.match(record.error.message, /mcpServers\.args-wrong\.args/);
  assert.deepEqual(record.error.position, { line: 3, column: 5 });
  assert.equal(record.serverCount, 1);
  const gemini = result.servers.filter((s) => s.configPath === paths.mixed).map((s) => s.name);
  assert.deepEqual(gemini, ['good']);
});

test('a YAML alias bomb is refused', async () => {
  const record = (await run()).files.find((f) => f.path === paths.aliases);
  assert.equal(record?.error?.code, 'too-complex');
});

test('deeply nested JSON is refused before any recursive walk', async () => {
  const record = (await run()).files.find((f) => f.path === paths.deep);
  assert.equal(record?.error?.code, 'too-deep');
});

test('a named pipe is not opened (it would block)', async (t) => {
  const dir = tempDir('warden-fifo-');
  const fifo = join(dir, '.cursor', 'mcp.json');
  mkdirSync(dirname(fifo), { recursive: true });
  try {
    execFileSync('mkfifo', [fifo], { stdio: 'ignore' });
  } catch {
    t.skip('mkfifo is not available on this system');
    return;
  }
  const result = await discover({ platform: 'linux', home: dir, env: {}, systemRoot: join(dir, 'sys') });
  assert.equal(skipCode(result, fifo), 'not-a-file');
});

test('a missing file is searched with found=false and not skipped', async () => {
  const result = await run();
  const zed = result.searched.find((s) => s.client === 'zed');
  assert.equal(zed?.found, false);
  assert.equal(
    result.skipped.some((s) => s.path === zed.configPath),
    false,
  );
});

test('unreadable files are found=true in searched', async () => {
  const result = await run();
  assert.equal(result.searched.find((s) => s.configPath === paths.binary)?.found, true);
  assert.equal(result.searched.find((s) => s.configPath === paths.large)?.found, true);
});

test('discovery never writes: the hostile home is unchanged', async () => {
  const before = execFileSync('ls', ['-laR', home], { encoding: 'utf8' });
  await discover({ platform: 'linux', home, env: {}, cwd: home, systemRoot: join(home, 'no-system') });
  assert.equal(execFileSync('ls', ['-laR', home], { encoding: 'utf8' }), before);
});
