import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listClientLocations, type ClientLocation, type DiscoverOptions } from '../../src/discovery/index.js';

function paths(options: DiscoverOptions, client: string, scope?: string): string[] {
  return listClientLocations(options)
    .filter((l) => l.client === client && (scope === undefined || l.scope === scope))
    .map((l) => (l.kind === 'glob' ? `${l.path} ${l.pattern ?? ''}` : l.path));
}

function has(locations: ClientLocation[], client: string, path: string): boolean {
  return locations.some((l) => l.client === client && l.path === path);
}

const darwin: DiscoverOptions = { platform: 'darwin', home: '/Users/ann', env: {}, systemRoot: '/' };
const win: DiscoverOptions = { platform: 'win32', home: 'C:\\Users\\ann', env: {} };
const linux: DiscoverOptions = { platform: 'linux', home: '/home/ann', env: {} };

test('darwin: Application Support for desktop apps, dot-folders for CLIs, /Library for managed files', () => {
  assert.deepEqual(paths(darwin, 'claude-desktop'), [
    '/Users/ann/Library/Application Support/Claude/claude_desktop_config.json',
  ]);
  assert.deepEqual(paths(darwin, 'claude-code', 'managed'), [
    '/Library/Application Support/ClaudeCode/managed-mcp.json',
  ]);
  assert.deepEqual(paths(darwin, 'vscode').slice(0, 2), [
    '/Users/ann/Library/Application Support/Code/User/mcp.json',
    '/Users/ann/Library/Application Support/Code/User/settings.json',
  ]);
  assert.deepEqual(paths(darwin, 'cline'), [
    '/Users/ann/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    '/Users/ann/Library/Application Support/Code - Insiders/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    '/Users/ann/Library/Application Support/Cursor/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
  ]);
  assert.deepEqual(paths(darwin, 'zed'), ['/Users/ann/.config/zed/settings.json']);
  assert.deepEqual(paths(darwin, 'gemini-cli', 'managed'), [
    '/Library/Application Support/GeminiCli/settings.json',
    '/Library/Application Support/GeminiCli/system-defaults.json',
  ]);
  assert.deepEqual(paths(darwin, 'codex', 'managed'), ['/etc/codex/config.toml']);
  assert.deepEqual(paths(darwin, 'goose'), ['/Users/ann/.config/goose/config.yaml']);
  assert.deepEqual(paths(darwin, 'visual-studio'), []);
});

test('darwin: managed paths move under systemRoot', () => {
  const options: DiscoverOptions = { ...darwin, systemRoot: '/tmp/sys' };
  assert.deepEqual(paths(options, 'claude-code', 'managed'), [
    '/tmp/sys/Library/Application Support/ClaudeCode/managed-mcp.json',
  ]);
  assert.deepEqual(paths(options, 'opencode', 'managed'), [
    '/tmp/sys/Library/Application Support/opencode/opencode.json',
    '/tmp/sys/Library/Application Support/opencode/opencode.jsonc',
  ]);
});

test('win32: APPDATA, LOCALAPPDATA and USERPROFILE defaults under home', () => {
  assert.deepEqual(paths(win, 'claude-desktop'), [
    'C:\\Users\\ann\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
  ]);
  assert.deepEqual(paths(win, 'claude-code', 'user'), ['C:\\Users\\ann\\.claude.json']);
  assert.deepEqual(paths(win, 'claude-code', 'managed'), [
    'C:\\Program Files\\ClaudeCode\\managed-mcp.json',
    'C:\\ProgramData\\ClaudeCode\\managed-mcp.json',
  ]);
  assert.deepEqual(paths(win, 'zed'), [
    'C:\\Users\\ann\\AppData\\Roaming\\Zed\\settings.json',
    'C:\\Users\\ann\\.config\\zed\\settings.json',
  ]);
  assert.deepEqual(paths(win, 'goose'), [
    'C:\\Users\\ann\\AppData\\Roaming\\Block\\goose\\config\\config.yaml',
  ]);
  assert.deepEqual(paths(win, 'crush'), ['C:\\Users\\ann\\AppData\\Local\\crush\\crush.json']);
  assert.deepEqual(paths(win, 'sema4ai'), [
    'C:\\Users\\ann\\AppData\\Local\\sema4ai\\sema4ai-studio\\mcp_servers.json',
  ]);
  assert.deepEqual(paths(win, 'visual-studio'), ['C:\\Users\\ann\\.mcp.json']);
  assert.deepEqual(paths(win, 'codex', 'managed'), ['C:\\ProgramData\\OpenAI\\Codex\\config.toml']);
  assert.deepEqual(paths(win, 'gemini-cli', 'managed'), [
    'C:\\ProgramData\\gemini-cli\\settings.json',
    'C:\\ProgramData\\gemini-cli\\system-defaults.json',
  ]);
});

test('win32: environment overrides, case-insensitive names', () => {
  const options: DiscoverOptions = {
    ...win,
    env: {
      appdata: 'D:\\Roaming',
      LOCALAPPDATA: 'D:\\Local',
      USERPROFILE: 'E:\\Profiles\\ann',
      PROGRAMDATA: 'F:\\Data',
    },
  };
  assert.deepEqual(paths(options, 'claude-desktop'), ['D:\\Roaming\\Claude\\claude_desktop_config.json']);
  assert.deepEqual(paths(options, 'cursor', 'user'), ['E:\\Profiles\\ann\\.cursor\\mcp.json']);
  assert.deepEqual(paths(options, 'crush'), ['D:\\Local\\crush\\crush.json']);
  assert.deepEqual(paths(options, 'vscode', 'user').slice(0, 1), ['D:\\Roaming\\Code\\User\\mcp.json']);
  assert.deepEqual(paths(options, 'codex', 'managed'), ['F:\\Data\\OpenAI\\Codex\\config.toml']);
});

test('win32: a systemRoot replaces the drive of machine-wide paths, not of user paths', () => {
  const options: DiscoverOptions = { ...win, systemRoot: 'Z:\\mnt\\win' };
  assert.deepEqual(paths(options, 'claude-code', 'managed'), [
    'Z:\\mnt\\win\\Program Files\\ClaudeCode\\managed-mcp.json',
    'Z:\\mnt\\win\\ProgramData\\ClaudeCode\\managed-mcp.json',
  ]);
  assert.deepEqual(paths(options, 'claude-code', 'user'), ['C:\\Users\\ann\\.claude.json']);
});

test('linux: XDG_CONFIG_HOME moves XDG clients; Claude Desktop is checked in both spellings', () => {
  assert.deepEqual(paths(linux, 'claude-desktop'), [
    '/home/ann/.config/Claude/claude_desktop_config.json',
    '/home/ann/.config/claude/claude_desktop_config.json',
  ]);
  const xdg: DiscoverOptions = { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } };
  assert.deepEqual(paths(xdg, 'claude-desktop'), [
    '/xdg/Claude/claude_desktop_config.json',
    '/xdg/claude/claude_desktop_config.json',
  ]);
  assert.deepEqual(paths(xdg, 'zed'), ['/xdg/zed/settings.json']);
  assert.deepEqual(paths(xdg, 'goose'), ['/xdg/goose/config.yaml']);
  assert.deepEqual(paths(xdg, 'crush'), ['/xdg/crush/crush.json']);
  assert.deepEqual(paths(xdg, 'vscode', 'user').slice(0, 1), ['/xdg/Code/User/mcp.json']);
  assert.deepEqual(paths(xdg, 'cursor', 'user'), ['/home/ann/.cursor/mcp.json']);
});

test('linux: a relative XDG_CONFIG_HOME is ignored, as the XDG spec requires', () => {
  const options: DiscoverOptions = { ...linux, env: { XDG_CONFIG_HOME: 'relative/dir' } };
  assert.deepEqual(paths(options, 'zed'), ['/home/ann/.config/zed/settings.json']);
});

test('linux: managed paths under /etc, or under systemRoot', () => {
  assert.deepEqual(paths(linux, 'claude-code', 'managed'), ['/etc/claude-code/managed-mcp.json']);
  const options: DiscoverOptions = { ...linux, systemRoot: '/tmp/root' };
  assert.deepEqual(paths(options, 'claude-code', 'managed'), ['/tmp/root/etc/claude-code/managed-mcp.json']);
  assert.deepEqual(paths(options, 'gemini-cli', 'managed'), [
    '/tmp/root/etc/gemini-cli/settings.json',
    '/tmp/root/etc/gemini-cli/system-defaults.json',
  ]);
  assert.deepEqual(paths(options, 'codex', 'managed'), ['/tmp/root/etc/codex/config.toml']);
  assert.deepEqual(paths(options, 'opencode', 'managed'), [
    '/tmp/root/etc/opencode/opencode.json',
    '/tmp/root/etc/opencode/opencode.jsonc',
  ]);
});

test('client environment variables: CLAUDE_CONFIG_DIR, CODEX_HOME, OPENCODE_CONFIG(_DIR), GEMINI_CLI_SYSTEM_SETTINGS_PATH, VSCODE_PORTABLE', () => {
  const options: DiscoverOptions = {
    ...linux,
    env: {
      CLAUDE_CONFIG_DIR: '/cfg/claude',
      CODEX_HOME: '/cfg/codex',
      OPENCODE_CONFIG: '/cfg/opencode-custom.json',
      OPENCODE_CONFIG_DIR: '/cfg/opencode',
      GEMINI_CLI_SYSTEM_SETTINGS_PATH: '/cfg/gemini-system.json',
      VSCODE_PORTABLE: '/opt/vscode/data',
    },
  };
  const locations = listClientLocations(options);
  assert.ok(has(locations, 'claude-code', '/cfg/claude/.claude.json'));
  assert.ok(has(locations, 'claude-code', '/home/ann/.claude.json'));
  assert.ok(has(locations, 'claude-code', '/cfg/claude/plugins'));
  assert.deepEqual(paths(options, 'codex', 'user'), ['/cfg/codex/config.toml', '/cfg/codex *.config.toml']);
  assert.ok(has(locations, 'codex', '/cfg/codex/plugins'));
  assert.ok(has(locations, 'opencode', '/cfg/opencode-custom.json'));
  assert.ok(has(locations, 'opencode', '/cfg/opencode/opencode.json'));
  assert.ok(has(locations, 'opencode', '/cfg/opencode/opencode.jsonc'));
  assert.ok(has(locations, 'gemini-cli', '/cfg/gemini-system.json'));
  assert.ok(has(locations, 'vscode', '/opt/vscode/data/user-data/User/mcp.json'));
  assert.ok(
    has(
      locations,
      'cline',
      '/opt/vscode/data/user-data/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    ),
  );
});

test('project scope walks up from cwd and stops before home', () => {
  const options: DiscoverOptions = { ...linux, cwd: '/home/ann/src/app' };
  assert.deepEqual(paths(options, 'claude-code', 'project'), [
    '/home/ann/src/app/.mcp.json',
    '/home/ann/src/.mcp.json',
  ]);
  assert.deepEqual(paths(options, 'vscode', 'project'), [
    '/home/ann/src/app/.vscode/mcp.json',
    '/home/ann/src/app/.devcontainer/devcontainer.json',
    '/home/ann/src/app *.code-workspace',
    '/home/ann/src/.vscode/mcp.json',
    '/home/ann/src/.devcontainer/devcontainer.json',
  ]);
});

test('project scope outside home walks up to the filesystem root', () => {
  const options: DiscoverOptions = { ...linux, cwd: '/srv/app' };
  assert.deepEqual(paths(options, 'claude-code', 'project'), [
    '/srv/app/.mcp.json',
    '/srv/.mcp.json',
    '/.mcp.json',
  ]);
});

test('win32 project scope walks up to home, comparing paths case-insensitively', () => {
  const options: DiscoverOptions = { ...win, cwd: 'c:\\users\\ann\\src\\app' };
  assert.deepEqual(paths(options, 'claude-code', 'project'), [
    'c:\\users\\ann\\src\\app\\.mcp.json',
    'c:\\users\\ann\\src\\.mcp.json',
  ]);
});

test('a cwd equal to home has no project scope (home dot-folders are user scope)', () => {
  const options: DiscoverOptions = { ...linux, cwd: '/home/ann' };
  assert.deepEqual(paths(options, 'claude-code', 'project'), []);
});

test('a project .mcp.json is listed once, for Claude Code; ~/.mcp.json is Visual Studio only on win32', () => {
  const options: DiscoverOptions = { ...linux, cwd: '/srv/app' };
  const owners = listClientLocations(options)
    .filter((l) => l.path === '/srv/app/.mcp.json')
    .map((l) => l.client);
  assert.deepEqual(owners, ['claude-code']);
  assert.equal(
    listClientLocations(linux).some((l) => l.path === '/home/ann/.mcp.json'),
    false,
  );
});

test('every location uses a known kebab-case client id', () => {
  const ids = new Set(listClientLocations({ ...linux, cwd: '/srv/app' }).map((l) => l.client));
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(ids.size, 22);
  assert.equal(new Set(listClientLocations({ ...win, cwd: 'C:\\src' }).map((l) => l.client)).size, 23);
});
