import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover } from '../../src/discovery/index.js';
import { tempDir } from '../helpers/temp.js';

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function server(name: string): string {
  return JSON.stringify({ mcpServers: { [name]: { command: 'node', args: [`${name}.js`] } } });
}

function options(home: string, limits: Record<string, number> = {}): Parameters<typeof discover>[0] {
  return { platform: 'linux', home, env: {}, systemRoot: join(home, 'no-system'), limits };
}

test('plugin globs find .mcp.json and plugin.json at any depth within the bound', async () => {
  const home = tempDir('warden-glob-');
  const plugins = join(home, '.claude', 'plugins');
  write(join(plugins, 'a', '.mcp.json'), server('shallow'));
  write(join(plugins, 'a', 'b', 'c', 'd', '.mcp.json'), server('deeper'));
  write(
    join(plugins, 'x', '.claude-plugin', 'plugin.json'),
    JSON.stringify({ name: 'x', mcpServers: { inline: { command: 'x' } } }),
  );
  const result = await discover(options(home));
  assert.deepEqual(result.servers.map((s) => s.name).sort(), ['deeper', 'inline', 'shallow']);
  assert.ok(result.servers.every((s) => s.scope === 'plugin' && s.client === 'claude-code'));
  assert.deepEqual(result.skipped, []);
});

test('a plugin manifest naming its server file is followed, inside the plugin only', async () => {
  const home = tempDir('warden-glob-');
  const plugin = join(home, '.claude', 'plugins', 'p');
  write(
    join(plugin, '.claude-plugin', 'plugin.json'),
    JSON.stringify({ name: 'p', mcpServers: './config/servers.json' }),
  );
  write(join(plugin, 'config', 'servers.json'), server('referenced'));
  const escape = join(home, '.claude', 'plugins', 'q');
  write(
    join(escape, '.claude-plugin', 'plugin.json'),
    JSON.stringify({ name: 'q', mcpServers: '../../../../outside.json' }),
  );
  write(join(home, 'outside.json'), server('outside'));
  const result = await discover(options(home));
  assert.deepEqual(
    result.servers.map((s) => s.name),
    ['referenced'],
  );
});

test('folders deeper than maxGlobDepth are not searched, and that is reported', async () => {
  const home = tempDir('warden-glob-');
  const plugins = join(home, '.claude', 'plugins');
  write(join(plugins, '1', '2', '.mcp.json'), server('within'));
  write(join(plugins, '1', '2', '3', '4', '.mcp.json'), server('beyond'));
  const result = await discover(options(home, { maxGlobDepth: 2 }));
  assert.deepEqual(
    result.servers.map((s) => s.name),
    ['within'],
  );
  const skipped = result.skipped.find((s) => s.path === plugins);
  assert.equal(skipped?.code, 'glob-too-deep');
});

test('a glob stops after maxGlobEntries folder entries and reports the truncation', async () => {
  const home = tempDir('warden-glob-');
  const plugins = join(home, '.claude', 'plugins');
  for (let i = 0; i < 40; i++)
    mkdirSync(join(plugins, `p${String(i).padStart(2, '0')}`), { recursive: true });
  write(join(plugins, 'zz', '.mcp.json'), server('late'));
  const result = await discover(options(home, { maxGlobEntries: 20 }));
  assert.ok(result.skipped.some((s) => s.path === plugins && s.code === 'glob-truncated'));
  assert.equal(
    result.servers.some((s) => s.name === 'late'),
    false,
  );
});

test('symbolic links to folders are never followed, and a link loop does not hang', async () => {
  const home = tempDir('warden-glob-');
  const plugins = join(home, '.claude', 'plugins');
  const elsewhere = join(home, 'elsewhere');
  write(join(elsewhere, '.mcp.json'), server('linked'));
  mkdirSync(plugins, { recursive: true });
  symlinkSync(elsewhere, join(plugins, 'link'));
  symlinkSync(plugins, join(plugins, 'loop'));
  write(join(plugins, 'real', '.mcp.json'), server('real'));
  const result = await discover(options(home));
  assert.deepEqual(
    result.servers.map((s) => s.name),
    ['real'],
  );
});

test('a glob whose base is missing is searched with found=false', async () => {
  const home = tempDir('warden-glob-');
  const result = await discover(options(home));
  const base = result.searched.find((s) => s.configPath === join(home, '.claude', 'plugins'));
  assert.equal(base?.found, false);
  assert.deepEqual(result.skipped, []);
  assert.deepEqual(result.servers, []);
});
