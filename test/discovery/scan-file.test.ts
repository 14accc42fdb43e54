import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { scanConfigFile } from '../../src/discovery/index.js';
import { tempDir } from '../helpers/temp.js';
import { testPath } from '../helpers/paths.js';

const root = tempDir('warden-scan-');

function write(name: string, content: string): string {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

test('a file at a known location takes that client and scope', async () => {
  const path = testPath('fixtures', 'home-linux', '.config', 'Claude', 'claude_desktop_config.json');
  const result = await scanConfigFile(path);
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.scope} ${s.name}`),
    ['claude-desktop user filesystem', 'claude-desktop user github'],
  );
  assert.deepEqual(result.searched, [
    { client: 'claude-desktop', scope: 'user', configPath: path, found: true },
  ]);
  assert.equal(result.files.length, 1);
  assert.deepEqual(result.packages, []);
});

test('an unknown file with mcpServers is read with client "unknown"', async () => {
  const result = await scanConfigFile(
    write('servers.json', '{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "a@1.0.0"] } } }'),
  );
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.name}`),
    ['unknown a'],
  );
});

test('the client option names the client of an unknown file', async () => {
  const result = await scanConfigFile(
    write('mine.json', '{ "context_servers": { "z": { "command": "zz" } } }'),
    { client: 'zed' },
  );
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.name} ${s.command ?? ''}`),
    ['zed z zz'],
  );
});

test('the shape is guessed from content: context_servers, mcp_servers, extensions, mcp (OpenCode or Crush), projects', async () => {
  const zed = await scanConfigFile(
    write('a.json', '{ "context_servers": { "z": { "command": { "path": "/bin/z" } } } }'),
  );
  assert.equal(zed.servers[0]?.command, '/bin/z');
  const codex = await scanConfigFile(write('b.toml', '[mcp_servers.c]\ncommand = "c"\n'));
  assert.deepEqual(
    codex.servers.map((s) => `${s.client} ${s.name}`),
    ['codex c'],
  );
  const goose = await scanConfigFile(write('c.yaml', 'extensions:\n  g: { type: stdio, cmd: g }\n'));
  assert.equal(goose.servers[0]?.command, 'g');
  const opencode = await scanConfigFile(
    write('d.json', '{ "mcp": { "o": { "type": "local", "command": ["o", "--x"] } } }'),
  );
  assert.deepEqual(opencode.servers[0]?.args, ['--x']);
  const crush = await scanConfigFile(
    write('e.json', '{ "mcp": { "k": { "type": "stdio", "command": "k" } } }'),
  );
  assert.equal(crush.servers[0]?.command, 'k');
  const claude = await scanConfigFile(
    write('f.json', '{ "projects": { "/p": { "mcpServers": { "p": { "command": "p" } } } } }'),
  );
  assert.equal(claude.servers[0]?.project, '/p');
  const vscode = await scanConfigFile(write('g.json', '{ "servers": { "v": { "command": "v" } } }'));
  assert.equal(vscode.servers[0]?.name, 'v');
});

test('a client option that disagrees with the path keeps the client and guesses the shape', async () => {
  const path = write(
    'h/.cursor/mcp.json',
    '{ "mcpServers": { "w": { "serverUrl": "https://mcp.example.com/sse" } } }',
  );
  const result = await scanConfigFile(path, { client: 'windsurf' });
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.transport}`),
    ['windsurf sse'],
  );
});

test('a missing file is reported as skipped not-found', async () => {
  const path = join(root, 'missing.json');
  const result = await scanConfigFile(path);
  assert.deepEqual(result.files, []);
  assert.equal(result.skipped[0]?.code, 'not-found');
  assert.equal(result.searched[0]?.found, false);
});

test('a relative path is resolved against the process working directory', async () => {
  const path = write('rel.json', '{ "mcpServers": { "r": { "command": "r" } } }');
  const result = await scanConfigFile(relative(process.cwd(), path));
  assert.equal(result.servers[0]?.configPath, path);
});

test('an invalid file still yields a record with the parse error', async () => {
  const result = await scanConfigFile(write('bad.json', '{ "mcpServers": '));
  assert.equal(result.files[0]?.error?.code, 'parse-error');
  assert.equal(result.skipped[0]?.code, 'parse-error');
});
