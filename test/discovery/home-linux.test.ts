import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLIENT_IDS,
  defaultDiscoverOptions,
  discover,
  type DiscoverOptions,
} from '../../src/discovery/index.js';
import type { DiscoveryResult } from '../../src/model/discovery.js';
import type { Server } from '../../src/model/server.js';
import { testPath } from '../helpers/paths.js';

const home = testPath('fixtures', 'home-linux');
const systemRoot = testPath('fixtures', 'discovery-system-linux');
const cwd = join(home, 'work', 'project', 'src', 'nested');

interface Expected {
  client: string;
  scope: string;
  name: string;
  project?: string;
}

const options: DiscoverOptions = { platform: 'linux', home, env: { HOME: home }, cwd, systemRoot };
let cached: Promise<DiscoveryResult> | undefined;
function run(): Promise<DiscoveryResult> {
  cached ??= discover(options);
  return cached;
}

function key(s: Expected): string {
  return `${s.client} ${s.scope} ${s.name}${s.project !== undefined ? ` @${s.project}` : ''}`;
}

function find(result: DiscoveryResult, client: string, name: string, scope?: string): Server {
  const server = result.servers.find(
    (s) => s.client === client && s.name === name && (scope === undefined || s.scope === scope),
  );
  assert.ok(server, `${client} ${name} not found`);
  return server;
}

test('discovery finds exactly the servers listed in expected-servers.json', async () => {
  const expected = (
    JSON.parse(readFileSync(join(home, 'expected-servers.json'), 'utf8')) as { servers: Expected[] }
  ).servers;
  const result = await run();
  const found = result.servers.map((s) =>
    key({
      client: s.client,
      scope: s.scope,
      name: s.name,
      ...(s.project !== undefined ? { project: s.project } : {}),
    }),
  );
  assert.deepEqual([...found].sort(), expected.map(key).sort());
});

test('every client has a fixture in the Linux home, except Visual Studio (a Windows-only user file)', async () => {
  const result = await run();
  const clients = new Set(result.servers.map((s) => s.client));
  const expected = CLIENT_IDS.filter((id) => id !== 'visual-studio');
  assert.deepEqual([...clients].sort(), [...expected].sort());
  assert.equal(CLIENT_IDS.length, 23);
});

test('the clean fixture home reads without errors or skips', async () => {
  const result = await run();
  assert.deepEqual(result.skipped, []);
  assert.deepEqual(
    result.files.filter((f) => f.error !== undefined),
    [],
  );
  assert.ok(result.files.every((f) => f.parsed));
});

test('ids are unique and follow client|configPath|project|name', async () => {
  const result = await run();
  const ids = result.servers.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  const postgres = find(result, 'claude-code', 'postgres');
  assert.equal(
    postgres.id,
    `claude-code|${join(home, '.claude.json')}||/home/user/work/project|postgres`.replace('||/', '|/'),
  );
  const desktop = find(result, 'claude-desktop', 'github');
  assert.equal(
    desktop.id,
    `claude-desktop|${join(home, '.config', 'Claude', 'claude_desktop_config.json')}||github`,
  );
});

test('a stdio entry keeps program, argv and env, with positions of each field', async () => {
  const result = await run();
  const github = find(result, 'claude-desktop', 'github');
  assert.equal(github.transport, 'stdio');
  assert.equal(github.command, 'npx');
  assert.deepEqual(github.args, ['-y', '@modelcontextprotocol/server-github@2025.4.8']);
  assert.deepEqual(github.env, { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' });
  assert.deepEqual(github.position, { line: 7, column: 5 });
  assert.deepEqual(github.fieldPositions.command, { line: 8, column: 18 });
  assert.deepEqual(github.fieldPositions['args.1'], { line: 9, column: 22 });
  assert.deepEqual(github.fieldPositions['env.GITHUB_PERSONAL_ACCESS_TOKEN'], { line: 10, column: 48 });
});

test('Claude Code per-project entries carry the project path', async () => {
  const result = await run();
  const postgres = find(result, 'claude-code', 'postgres');
  assert.equal(postgres.project, '/home/user/work/project');
  assert.equal(postgres.configPath, join(home, '.claude.json'));
  assert.equal(find(result, 'claude-code', 'sentry').project, undefined);
});

test('transports follow each client: Windsurf serverUrl by suffix, Gemini url is SSE and httpUrl HTTP', async () => {
  const result = await run();
  assert.equal(find(result, 'windsurf', 'stripe-docs').transport, 'sse');
  assert.equal(find(result, 'windsurf', 'notion').transport, 'http');
  assert.equal(find(result, 'gemini-cli', 'sseServer').transport, 'sse');
  assert.equal(find(result, 'gemini-cli', 'httpServer').transport, 'http');
  assert.equal(find(result, 'cursor', 'linear').transport, 'http');
  assert.equal(find(result, 'crush', 'events').transport, 'sse');
  assert.equal(find(result, 'goose', 'remote-docs').transport, 'http');
  assert.equal(find(result, 'continue', 'Docs').transport, 'http');
  assert.equal(find(result, 'opencode', 'remote-tools').transport, 'http');
});

test('disabled entries are kept and marked', async () => {
  const result = await run();
  assert.equal(find(result, 'cursor', 'puppeteer').enabled, false);
  assert.equal(find(result, 'codex', 'figma').enabled, false);
  assert.equal(find(result, 'opencode', 'remote-tools').enabled, false);
  assert.equal(find(result, 'cline', 'brave-search').enabled, true);
});

test('Goose built-in and bundled extensions are not servers', async () => {
  const result = await run();
  const goose = result.servers.filter((s) => s.client === 'goose').map((s) => s.name);
  assert.deepEqual(goose.sort(), ['github', 'remote-docs']);
  const github = find(result, 'goose', 'github');
  assert.deepEqual(github.env, { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' });
  assert.deepEqual(github.fieldPositions.command, { line: 20, column: 10 });
});

test('Zed JSONC with comments and trailing commas: string command and the {path, args, env} form', async () => {
  const result = await run();
  const plain = find(result, 'zed', 'mcp-server-github');
  assert.equal(plain.command, 'npx');
  const object = find(result, 'zed', 'postgres-context-server');
  assert.equal(object.command, '/home/user/.local/bin/postgres-context-server');
  assert.deepEqual(object.args, ['--stdio']);
  assert.deepEqual(Object.keys(object.env), ['DATABASE_URL']);
  assert.deepEqual(object.fieldPositions.command, { line: 15, column: 17 });
});

test('Codex TOML: positions of tables, quoted names and env sub-tables; bearer token becomes a header reference', async () => {
  const result = await run();
  const github = find(result, 'codex', 'github', 'user');
  assert.deepEqual(github.position, { line: 4, column: 1 });
  assert.deepEqual(github.fieldPositions.command, { line: 5, column: 11 });
  assert.deepEqual(github.fieldPositions['args.1'], { line: 6, column: 15 });
  assert.deepEqual(github.fieldPositions['env.GITHUB_PERSONAL_ACCESS_TOKEN'], { line: 9, column: 32 });
  const docs = find(result, 'codex', 'docs-search');
  assert.deepEqual(docs.position, { line: 11, column: 1 });
  assert.deepEqual(docs.headers, { Authorization: 'Bearer ${DOCS_SEARCH_TOKEN}' });
  assert.deepEqual(docs.fieldPositions['headers.Authorization'], { line: 13, column: 24 });
  const jira = find(result, 'codex', 'jira');
  assert.equal(jira.configPath, join(home, '.codex', 'work.config.toml'));
  assert.deepEqual(jira.fieldPositions['env.JIRA_URL'], { line: 4, column: 20 });
});

test('OpenCode argv arrays split into program and arguments', async () => {
  const result = await run();
  const everything = find(result, 'opencode', 'everything');
  assert.equal(everything.command, 'npx');
  assert.deepEqual(everything.args, ['-y', '@modelcontextprotocol/server-everything@2025.8.18']);
  assert.deepEqual(everything.fieldPositions.command, { line: 6, column: 19 });
  assert.deepEqual(everything.fieldPositions['args.0'], { line: 6, column: 26 });
  assert.deepEqual(Object.keys(everything.env), ['LOG_LEVEL']);
});

test('Continue YAML lists and drop-ins, with YAML positions', async () => {
  const result = await run();
  const sqlite = find(result, 'continue', 'SQLite');
  assert.deepEqual(sqlite.position, { line: 9, column: 5 });
  assert.deepEqual(sqlite.fieldPositions.command, { line: 10, column: 14 });
  assert.deepEqual(sqlite.fieldPositions['args.2'], { line: 14, column: 9 });
  const dropIn = find(result, 'continue', 'Browser search');
  assert.equal(dropIn.configPath, join(home, '.continue', 'mcpServers', 'playwright.yaml'));
});

test('project scope is found by walking up from a nested cwd, and a project .mcp.json is Claude Code only', async () => {
  const result = await run();
  const project = join(home, 'work', 'project');
  const projectServers = result.servers.filter((s) => s.scope === 'project');
  assert.ok(projectServers.every((s) => s.configPath.startsWith(project)));
  const mcpJson = result.servers.filter((s) => s.configPath === join(project, '.mcp.json'));
  assert.deepEqual(
    mcpJson.map((s) => s.client),
    ['claude-code', 'claude-code'],
  );
  assert.equal(find(result, 'vscode', 'project-tests').configPath, join(project, '.vscode', 'mcp.json'));
  assert.equal(find(result, 'cursor', 'project-docs').configPath, join(project, '.cursor', 'mcp.json'));
  assert.equal(
    find(result, 'vscode', 'container-tools').configPath,
    join(project, '.devcontainer', 'devcontainer.json'),
  );
});

test('managed files are read under systemRoot', async () => {
  const result = await run();
  const managed = result.servers.filter((s) => s.scope === 'managed');
  assert.deepEqual(managed.map((s) => `${s.client} ${s.name}`).sort(), [
    'claude-code company-knowledge',
    'codex company-audit',
    'gemini-cli company-defaults',
    'gemini-cli company-policy',
    'opencode company-remote',
  ]);
  assert.ok(managed.every((s) => s.configPath.startsWith(systemRoot)));
});

test('searched lists every candidate with found true or false; globs by their base folder', async () => {
  const result = await run();
  const found = (path: string): boolean | undefined =>
    result.searched.find((s) => s.configPath === path)?.found;
  assert.equal(found(join(home, '.config', 'Claude', 'claude_desktop_config.json')), true);
  assert.equal(
    found(
      join(
        home,
        '.config',
        'Cursor',
        'User',
        'globalStorage',
        'saoudrizwan.claude-dev',
        'settings',
        'cline_mcp_settings.json',
      ),
    ),
    false,
  );
  assert.equal(found(join(home, '.claude', 'plugins')), true);
  assert.equal(found(join(home, '.kiro', 'powers', 'installed')), false);
  assert.equal(found(join(home, '.npm', '_npx')), true);
  assert.ok(
    result.files.every(
      (f) => found(f.path) === true || result.searched.some((s) => f.path.startsWith(s.configPath)),
    ),
  );
});

test('npx cache: the packages npx installed, not their dependencies', async () => {
  const result = await run();
  assert.deepEqual(
    result.packages.map((p) => `${p.name}@${p.version}`),
    ['@modelcontextprotocol/server-filesystem@2025.8.21', 'mcp-remote@0.1.29'],
  );
  const first = result.packages[0];
  assert.equal(first?.manager, 'npx');
  assert.equal(
    first.path,
    join(
      home,
      '.npm',
      '_npx',
      '3f1c5a9d2e7b4a60',
      'node_modules',
      '@modelcontextprotocol',
      'server-filesystem',
    ),
  );
});

test('every file record names its client, scope and format, with a server count', async () => {
  const result = await run();
  const codex = result.files.find((f) => f.path === join(home, '.codex', 'config.toml'));
  assert.deepEqual(codex, {
    path: join(home, '.codex', 'config.toml'),
    client: 'codex',
    scope: 'user',
    format: 'toml',
    parsed: true,
    serverCount: 3,
  });
  const zed = result.files.find((f) => f.client === 'zed');
  assert.equal(zed?.format, 'jsonc');
  const goose = result.files.find((f) => f.client === 'goose');
  assert.equal(goose?.format, 'yaml');
  assert.equal(goose.serverCount, 2);
});

test('defaultDiscoverOptions describes this machine and keeps the given cwd', () => {
  const options = defaultDiscoverOptions('/some/project');
  assert.equal(options.cwd, '/some/project');
  assert.ok(['linux', 'darwin', 'win32'].includes(options.platform));
  assert.ok(options.home.length > 0);
  assert.equal(options.env.PATH, process.env.PATH);
});
