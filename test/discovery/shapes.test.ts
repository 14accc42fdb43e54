import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover, scanConfigFile } from '../../src/discovery/index.js';
import type { DiscoveryResult } from '../../src/model/discovery.js';
import type { Server } from '../../src/model/server.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('warden-shapes-');

function write(relative: string, content: string): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function scan(relative: string, content: string, client?: string): Promise<DiscoveryResult> {
  return scanConfigFile(write(relative, content), client !== undefined ? { client } : {});
}

function only(result: DiscoveryResult): Server {
  assert.equal(result.servers.length, 1, JSON.stringify(result.servers.map((s) => s.name)));
  const server = result.servers[0];
  assert.ok(server);
  return server;
}

test('VS Code settings.json: nested mcp.servers and the dotted "mcp.servers" key', async () => {
  const result = await scan(
    'a/Code/User/settings.json',
    '{ "mcp": { "servers": { "nested": { "command": "a" } } }, "mcp.servers": { "dotted": { "url": "https://mcp.example.com/mcp" } } }',
  );
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.name} ${s.transport}`),
    ['vscode nested stdio', 'vscode dotted http'],
  );
});

test('VS Code mcp.json reads `servers`, not `mcpServers`', async () => {
  const result = await scan(
    'b/.vscode/mcp.json',
    '{ "servers": { "a": { "type": "sse", "url": "https://mcp.example.com/sse" } }, "mcpServers": { "b": { "command": "x" } } }',
  );
  assert.deepEqual(
    result.servers.map((s) => `${s.name} ${s.transport}`),
    ['a sse'],
  );
});

test('devcontainer.json: servers under customizations.vscode settings and mcp', async () => {
  const result = await scan(
    'c/.devcontainer/devcontainer.json',
    JSON.stringify({
      customizations: {
        vscode: {
          settings: { 'mcp.servers': { one: { command: 'a' } } },
          mcp: { servers: { two: { command: 'b' } } },
        },
      },
    }),
  );
  assert.deepEqual(result.servers.map((s) => s.name).sort(), ['one', 'two']);
});

test('a .code-workspace file in cwd is read; one in a parent folder is not', async () => {
  const home = tempDir('warden-ws-');
  const cwd = join(home, 'work', 'app');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(
    join(cwd, 'app.code-workspace'),
    '{ "folders": [], "settings": { "mcp": { "servers": { "ws": { "command": "node" } } } } }',
  );
  writeFileSync(
    join(home, 'work', 'parent.code-workspace'),
    '{ "settings": { "mcp": { "servers": { "parent": { "command": "node" } } } } }',
  );
  const result = await discover({ platform: 'linux', home, env: {}, cwd, systemRoot: join(home, 'sys') });
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.scope} ${s.name}`),
    ['vscode project ws'],
  );
});

test('Continue legacy config.json: experimental.modelContextProtocolServers with transport objects', async () => {
  const result = await scan(
    'd/.continue/config.json',
    JSON.stringify({
      experimental: {
        modelContextProtocolServers: [
          { transport: { type: 'stdio', command: 'uvx', args: ['mcp-server-sqlite', '--db-path', 'x.db'] } },
        ],
      },
    }),
  );
  const server = only(result);
  assert.equal(server.name, 'experimental.modelContextProtocolServers[0]');
  assert.equal(server.command, 'uvx');
  assert.deepEqual(server.args, ['mcp-server-sqlite', '--db-path', 'x.db']);
  assert.deepEqual(server.fieldPositions.command, { line: 1, column: 88 });
});

test('Continue drop-ins: a single server, a list, and a Claude-style map', async () => {
  const single = only(
    await scan(
      'e/.continue/mcpServers/single.yaml',
      'name: Solo\ncommand: npx\nargs: [-y, solo-mcp@1.0.0]\n',
    ),
  );
  assert.equal(single.name, 'Solo');
  const unnamed = only(await scan('e/.continue/mcpServers/unnamed.yaml', 'command: npx\n'));
  assert.equal(unnamed.name, 'unnamed');
  const list = await scan(
    'e/.continue/mcpServers/list.yaml',
    '- name: One\n  command: a\n- name: Two\n  url: https://mcp.example.com/mcp\n',
  );
  assert.deepEqual(
    list.servers.map((s) => `${s.name} ${s.transport}`),
    ['One stdio', 'Two http'],
  );
  const map = await scan(
    'e/.continue/mcpServers/claude.json',
    '{ "mcpServers": { "copied": { "command": "npx", "args": ["x"] } } }',
  );
  assert.deepEqual(
    map.servers.map((s) => s.name),
    ['copied'],
  );
});

test('Continue: headers from requestOptions, and repeated names made unique', async () => {
  const result = await scan(
    'f/.continue/config.yaml',
    'mcpServers:\n  - name: Dup\n    type: sse\n    url: https://mcp.example.com/sse\n    requestOptions:\n      headers:\n        X-Key: ${{ secrets.KEY }}\n  - name: Dup\n    command: a\n',
  );
  assert.deepEqual(
    result.servers.map((s) => s.name),
    ['Dup', 'Dup (2)'],
  );
  const first = result.servers[0];
  assert.equal(first?.transport, 'sse');
  assert.deepEqual(Object.keys(first.headers), ['X-Key']);
  assert.deepEqual(first.fieldPositions['headers.X-Key'], { line: 7, column: 16 });
});

test('YAML numbers and booleans in args and env become strings', async () => {
  const server = only(
    await scan(
      'g/.config/goose/config.yaml',
      'extensions:\n  x:\n    type: stdio\n    cmd: srv\n    args: [--port, 8080]\n    envs: { DEBUG: true }\n',
    ),
  );
  assert.deepEqual(server.args, ['--port', '8080']);
  assert.deepEqual(server.env, { DEBUG: 'true' });
});

test('Goose: sse type, disabled entries, and built-ins skipped', async () => {
  const result = await scan(
    'h/.config/goose/config.yaml',
    'extensions:\n  dev: { type: builtin, name: developer }\n  plat: { type: platform }\n  remote: { type: sse, uri: "https://mcp.example.com/sse", enabled: false }\n',
  );
  const server = only(result);
  assert.equal(server.transport, 'sse');
  assert.equal(server.enabled, false);
});

test('Zed: a remote context server with url and headers', async () => {
  const server = only(
    await scan(
      'i/zed/settings.json',
      '{ "context_servers": { "remote": { "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer x" }, "enabled": false } } }',
    ),
  );
  assert.equal(server.transport, 'http');
  assert.equal(server.enabled, false);
  assert.deepEqual(Object.keys(server.headers), ['Authorization']);
});

test('OpenCode: a string command is taken as the program', async () => {
  const server = only(
    await scan('j/opencode.json', '{ "mcp": { "s": { "type": "local", "command": "my-server" } } }'),
  );
  assert.equal(server.command, 'my-server');
  assert.deepEqual(server.args, []);
});

test('Cline: legacy transportType and streamableHttp type', async () => {
  const result = await scan(
    'k/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    '{ "mcpServers": { "a": { "url": "https://mcp.example.com/sse", "transportType": "sse" }, "b": { "type": "streamableHttp", "url": "https://mcp.example.com/mcp" } } }',
  );
  assert.deepEqual(
    result.servers.map((s) => `${s.client} ${s.name} ${s.transport}`),
    ['cline a sse', 'cline b http'],
  );
});

test('a project .mcp.json with `servers` (a Visual Studio solution file) is read as Claude Code', async () => {
  const server = only(
    await scan(
      'l/.mcp.json',
      '{ "servers": { "sln": { "type": "stdio", "command": "dotnet", "args": ["run"] } } }',
    ),
  );
  assert.equal(server.client, 'claude-code');
  assert.equal(server.scope, 'project');
});

test('Claude Code plugin.json with inline servers', async () => {
  const server = only(
    await scan(
      'm/.claude/plugins/p/.claude-plugin/plugin.json',
      '{ "name": "p", "mcpServers": { "inline": { "command": "node" } } }',
    ),
  );
  assert.equal(server.scope, 'plugin');
});

test('Codex: streamable HTTP by url, http_headers kept, explicit Authorization wins over bearer_token_env_var', async () => {
  const server = only(
    await scan(
      'n/.codex/config.toml',
      '[mcp_servers.r]\nurl = "https://mcp.example.com/mcp"\nbearer_token_env_var = "TOKEN"\n[mcp_servers.r.http_headers]\nAuthorization = "Bearer ${OTHER}"\n',
    ),
  );
  assert.equal(server.transport, 'http');
  assert.deepEqual(server.headers, { Authorization: 'Bearer ${OTHER}' });
  assert.deepEqual(server.fieldPositions['headers.Authorization'], { line: 5, column: 17 });
});

test('an entry with neither command nor url has transport unknown', async () => {
  const server = only(
    await scan('o/.cursor/mcp.json', '{ "mcpServers": { "odd": { "description": "nothing to run" } } }'),
  );
  assert.equal(server.transport, 'unknown');
});

test('a file whose root is not an object is a bad-shape record', async () => {
  const result = await scan('p/.cursor/mcp.json', '[1, 2]');
  assert.equal(result.files[0]?.error?.code, 'bad-shape');
  assert.equal(result.servers.length, 0);
});
