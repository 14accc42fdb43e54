import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover, listClientLocations, type DiscoverOptions } from '../../src/discovery/index.js';
import { tempDir } from '../helpers/temp.js';

const ENV_VALUE = 'sentinel-env-value-4f1a';
const HEADER_VALUE = 'sentinel-header-value-9b2c';
const PROCESS_VALUE = 'sentinel-process-env-7d3e';

const home = tempDir('warden-secrets-');

function write(relative: string, content: string): void {
  const path = join(home, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

write(
  '.cursor/mcp.json',
  JSON.stringify({
    mcpServers: {
      local: { command: 'npx', args: ['-y', 'pkg@1.0.0'], env: { API_KEY: ENV_VALUE } },
      remote: { url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${HEADER_VALUE}` } },
      broken: { command: 'x', headers: `Bearer ${HEADER_VALUE}` },
      nested: { command: 'x', env: { API_KEY: { value: ENV_VALUE } } },
    },
  }),
);
write(
  '.codex/config.toml',
  `[mcp_servers.t]\nurl = "https://mcp.example.com/mcp"\nhttp_headers = { "X-Api-Key" = "${HEADER_VALUE}" }\n[mcp_servers.u]\ncommand = "u"\nenv = { TOKEN = "${ENV_VALUE}" }\n`,
);
write(
  '.config/goose/config.yaml',
  `extensions:\n  g:\n    type: stdio\n    cmd: g\n    envs:\n      TOKEN: ${ENV_VALUE}\n`,
);
write(
  '.gemini/settings.json',
  `{ "mcpServers": { "p": { "command": "p", "env": { "TOKEN": "${ENV_VALUE}" } } `,
);
write(
  '.kiro/settings/mcp.json',
  `{ "mcpServers": { "q": { "url": "https://mcp.example.com/mcp", "headers": { "K": "${HEADER_VALUE}" }, "args": 5 } } }`,
);

const options: DiscoverOptions = {
  platform: 'linux',
  home,
  env: { GITHUB_TOKEN: PROCESS_VALUE, XDG_CONFIG_HOME: join(home, '.config') },
  cwd: home,
  systemRoot: join(home, 'sys'),
};

function leaks(text: string): string[] {
  return [ENV_VALUE, HEADER_VALUE, PROCESS_VALUE].filter((value) => text.includes(value));
}

test('secret values never appear in listClientLocations', () => {
  assert.deepEqual(leaks(JSON.stringify(listClientLocations(options))), []);
});

test('secret values appear only in Server.env and Server.headers', async () => {
  const result = await discover(options);
  assert.ok(result.servers.length >= 5);
  const withoutValues = result.servers.map(({ env, headers, ...rest }) => ({
    ...rest,
    envKeys: Object.keys(env),
    headerKeys: Object.keys(headers),
  }));
  assert.deepEqual(leaks(JSON.stringify(withoutValues)), []);
  assert.deepEqual(leaks(JSON.stringify(result.files)), []);
  assert.deepEqual(leaks(JSON.stringify(result.skipped)), []);
  assert.deepEqual(leaks(JSON.stringify(result.searched)), []);
  assert.deepEqual(leaks(JSON.stringify(result.packages)), []);
});

test('the values are still there for the rules to inspect', async () => {
  const result = await discover(options);
  const local = result.servers.find((s) => s.name === 'local');
  assert.equal(local?.env.API_KEY, ENV_VALUE);
  const remote = result.servers.find((s) => s.name === 'remote');
  assert.equal(remote?.headers.Authorization, `Bearer ${HEADER_VALUE}`);
  const toml = result.servers.find((s) => s.name === 't');
  assert.equal(toml?.headers['X-Api-Key'], HEADER_VALUE);
});

test('bad-shape and parse-error records around secret values are still reported', async () => {
  const result = await discover(options);
  const codes = result.files
    .filter((f) => f.error)
    .map((f) => `${f.client} ${f.error?.code ?? ''}`)
    .sort();
  assert.deepEqual(codes, ['cursor bad-shape', 'gemini-cli parse-error', 'kiro bad-shape']);
});
