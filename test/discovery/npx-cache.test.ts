import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover } from '../../src/discovery/index.js';
import { npxCacheDir } from '../../src/discovery/npx-cache.js';
import { pathContext } from '../../src/discovery/paths.js';
import { tempDir } from '../helpers/temp.js';

function write(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data));
}

function pkg(modules: string, name: string, version: string): void {
  write(join(modules, ...name.split('/'), 'package.json'), { name, version });
}

test("without npx's own package.json, top-level packages named like MCP are listed", async () => {
  const home = tempDir('warden-npx-');
  const modules = join(home, '.npm', '_npx', 'abc123', 'node_modules');
  pkg(modules, '@playwright/mcp', '0.0.41');
  pkg(modules, 'mcp-remote', '0.1.29');
  pkg(modules, 'express', '4.21.2');
  pkg(modules, '@types/node', '20.0.0');
  const result = await discover({ platform: 'linux', home, env: {}, systemRoot: join(home, 'sys') });
  assert.deepEqual(
    result.packages.map((p) => `${p.name}@${p.version}`),
    ['@playwright/mcp@0.0.41', 'mcp-remote@0.1.29'],
  );
});

test('npm_config_cache moves the npx cache', async () => {
  const home = tempDir('warden-npx-');
  const cache = join(home, 'custom-cache');
  write(join(cache, '_npx', 'h1', 'package.json'), { dependencies: { 'some-server': '^1.0.0' } });
  pkg(join(cache, '_npx', 'h1', 'node_modules'), 'some-server', '1.2.3');
  const result = await discover({
    platform: 'linux',
    home,
    env: { npm_config_cache: cache },
    systemRoot: join(home, 'sys'),
  });
  assert.deepEqual(
    result.packages.map((p) => `${p.name}@${p.version}`),
    ['some-server@1.2.3'],
  );
  assert.equal(result.searched.find((s) => s.client === 'npx')?.configPath, join(cache, '_npx'));
});

test('dependency names that are not package names are ignored, and a missing package is not an error', async () => {
  const home = tempDir('warden-npx-');
  const dir = join(home, '.npm', '_npx', 'h2');
  write(join(dir, 'package.json'), { dependencies: { '../../outside': '1', 'not-installed': '1', ok: '1' } });
  write(join(home, '.npm', 'outside', 'package.json'), { name: 'outside', version: '9.9.9' });
  pkg(join(dir, 'node_modules'), 'ok', '1.0.0');
  const result = await discover({ platform: 'linux', home, env: {}, systemRoot: join(home, 'sys') });
  assert.deepEqual(
    result.packages.map((p) => p.name),
    ['ok'],
  );
  assert.deepEqual(result.skipped, []);
});

test('the npx cache folder on each platform', () => {
  assert.equal(
    npxCacheDir(pathContext({ platform: 'linux', home: '/home/ann', env: {} })),
    '/home/ann/.npm/_npx',
  );
  assert.equal(
    npxCacheDir(pathContext({ platform: 'darwin', home: '/Users/ann', env: {} })),
    '/Users/ann/.npm/_npx',
  );
  assert.equal(
    npxCacheDir(pathContext({ platform: 'win32', home: 'C:\\Users\\ann', env: {} })),
    'C:\\Users\\ann\\AppData\\Local\\npm-cache\\_npx',
  );
});
