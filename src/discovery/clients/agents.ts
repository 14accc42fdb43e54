import type { PathContext } from '../paths.js';
import type { ClientLocation } from '../types.js';
import { file, glob, type ClientDefinition } from './define.js';

function geminiSystemDir(ctx: PathContext): string {
  switch (ctx.platform) {
    case 'darwin':
      return ctx.system('/Library/Application Support/GeminiCli');
    case 'linux':
      return ctx.system('/etc/gemini-cli');
    case 'win32':
      return ctx.join(ctx.programData, 'gemini-cli');
  }
}

export const geminiCli: ClientDefinition = {
  id: 'gemini-cli',
  machine(ctx) {
    const id = 'gemini-cli';
    const gemini = ctx.join(ctx.profile, '.gemini');
    const system = geminiSystemDir(ctx);
    const out: ClientLocation[] = [file(id, 'user', ctx.join(gemini, 'settings.json'), 'gemini-settings')];
    const settingsOverride = ctx.env('GEMINI_CLI_SYSTEM_SETTINGS_PATH');
    if (settingsOverride !== undefined) out.push(file(id, 'managed', settingsOverride, 'gemini-settings'));
    out.push(file(id, 'managed', ctx.join(system, 'settings.json'), 'gemini-settings'));
    const defaultsOverride = ctx.env('GEMINI_CLI_SYSTEM_DEFAULTS_PATH');
    if (defaultsOverride !== undefined) out.push(file(id, 'managed', defaultsOverride, 'gemini-settings'));
    out.push(file(id, 'managed', ctx.join(system, 'system-defaults.json'), 'gemini-settings'));
    out.push(
      glob(
        id,
        'extension',
        ctx.join(gemini, 'extensions'),
        '*/gemini-extension.json',
        'gemini-settings',
        'json',
      ),
    );
    return out;
  },
  project(dir, ctx) {
    return [file('gemini-cli', 'project', ctx.join(dir, '.gemini', 'settings.json'), 'gemini-settings')];
  },
};

export const antigravity: ClientDefinition = {
  id: 'antigravity',
  machine(ctx) {
    const gemini = ctx.join(ctx.profile, '.gemini');
    return [
      file('antigravity', 'user', ctx.join(gemini, 'antigravity', 'mcp_config.json'), 'mcp-servers'),
      file('antigravity', 'user', ctx.join(gemini, 'config', 'mcp_config.json'), 'mcp-servers'),
    ];
  },
  project(dir, ctx) {
    return [
      file('antigravity', 'project', ctx.join(dir, '.gemini', 'mcp_config.json'), 'mcp-servers'),
      file('antigravity', 'project', ctx.join(dir, '.agents', 'mcp_config.json'), 'mcp-servers'),
    ];
  },
};

export const codex: ClientDefinition = {
  id: 'codex',
  machine(ctx) {
    const id = 'codex';
    const home = ctx.env('CODEX_HOME') ?? ctx.join(ctx.profile, '.codex');
    const system =
      ctx.platform === 'win32'
        ? ctx.join(ctx.programData, 'OpenAI', 'Codex', 'config.toml')
        : ctx.system('/etc/codex/config.toml');
    return [
      file(id, 'user', ctx.join(home, 'config.toml'), 'codex', 'toml'),
      glob(id, 'user', home, '*.config.toml', 'codex', 'toml'),
      file(id, 'managed', system, 'codex', 'toml'),
      glob(id, 'plugin', ctx.join(home, 'plugins'), '**/.mcp.json', 'mcp-json', 'json'),
    ];
  },
  project(dir, ctx) {
    return [file('codex', 'project', ctx.join(dir, '.codex', 'config.toml'), 'codex', 'toml')];
  },
};

export const goose: ClientDefinition = {
  id: 'goose',
  machine(ctx) {
    const path =
      ctx.platform === 'win32'
        ? ctx.join(ctx.appData, 'Block', 'goose', 'config', 'config.yaml')
        : ctx.join(ctx.xdgConfig, 'goose', 'config.yaml');
    return [file('goose', 'user', path, 'goose', 'yaml')];
  },
};

export const amazonQ: ClientDefinition = {
  id: 'amazon-q',
  machine(ctx) {
    const base = ctx.join(ctx.profile, '.aws', 'amazonq');
    return [
      file('amazon-q', 'user', ctx.join(base, 'mcp.json'), 'mcp-servers'),
      glob('amazon-q', 'user', ctx.join(base, 'agents'), '*.json', 'mcp-servers', 'json'),
    ];
  },
  project(dir, ctx) {
    return [file('amazon-q', 'project', ctx.join(dir, '.amazonq', 'mcp.json'), 'mcp-servers')];
  },
};

export const kiro: ClientDefinition = {
  id: 'kiro',
  machine(ctx) {
    const base = ctx.join(ctx.profile, '.kiro');
    return [
      file('kiro', 'user', ctx.join(base, 'settings', 'mcp.json'), 'mcp-servers'),
      glob('kiro', 'user', ctx.join(base, 'agents'), '*.json', 'mcp-servers', 'json'),
      glob('kiro', 'extension', ctx.join(base, 'powers', 'installed'), '*/mcp.json', 'mcp-servers', 'json'),
    ];
  },
  project(dir, ctx) {
    return [
      file('kiro', 'project', ctx.join(dir, '.kiro', 'settings', 'mcp.json'), 'mcp-servers'),
      glob('kiro', 'project', ctx.join(dir, '.kiro', 'agents'), '*.json', 'mcp-servers', 'json'),
    ];
  },
};

function opencodeFiles(
  scope: 'user' | 'managed' | 'project',
  dir: string,
  ctx: PathContext,
): ClientLocation[] {
  return [
    file('opencode', scope, ctx.join(dir, 'opencode.json'), 'opencode', 'jsonc'),
    file('opencode', scope, ctx.join(dir, 'opencode.jsonc'), 'opencode', 'jsonc'),
  ];
}

function opencodeManagedDir(ctx: PathContext): string {
  switch (ctx.platform) {
    case 'darwin':
      return ctx.system('/Library/Application Support/opencode');
    case 'linux':
      return ctx.system('/etc/opencode');
    case 'win32':
      return ctx.join(ctx.programData, 'opencode');
  }
}

export const opencode: ClientDefinition = {
  id: 'opencode',
  machine(ctx) {
    const out: ClientLocation[] = [];
    const single = ctx.env('OPENCODE_CONFIG');
    if (single !== undefined) out.push(file('opencode', 'user', single, 'opencode', 'jsonc'));
    const dir = ctx.env('OPENCODE_CONFIG_DIR');
    if (dir !== undefined) out.push(...opencodeFiles('user', dir, ctx));
    const xdg = ctx.join(ctx.xdgConfig, 'opencode');
    out.push(...opencodeFiles('user', xdg, ctx));
    out.push(file('opencode', 'user', ctx.join(xdg, 'config.json'), 'opencode', 'jsonc'));
    out.push(...opencodeFiles('user', ctx.join(ctx.profile, '.opencode'), ctx));
    out.push(...opencodeFiles('managed', opencodeManagedDir(ctx), ctx));
    return out;
  },
  project(dir, ctx) {
    return [
      ...opencodeFiles('project', dir, ctx),
      ...opencodeFiles('project', ctx.join(dir, '.opencode'), ctx),
    ];
  },
};

export const crush: ClientDefinition = {
  id: 'crush',
  machine(ctx) {
    const path =
      ctx.platform === 'win32'
        ? ctx.join(ctx.localAppData, 'crush', 'crush.json')
        : ctx.join(ctx.xdgConfig, 'crush', 'crush.json');
    return [file('crush', 'user', path, 'crush')];
  },
  project(dir, ctx) {
    return [
      file('crush', 'project', ctx.join(dir, '.crush.json'), 'crush'),
      file('crush', 'project', ctx.join(dir, 'crush.json'), 'crush'),
    ];
  },
};

export const continueDev: ClientDefinition = {
  id: 'continue',
  machine(ctx) {
    const base = ctx.join(ctx.profile, '.continue');
    return [
      file('continue', 'user', ctx.join(base, 'config.yaml'), 'continue-config', 'yaml'),
      file('continue', 'user', ctx.join(base, 'config.json'), 'continue-config', 'jsonc'),
      glob('continue', 'user', ctx.join(base, 'mcpServers'), '*.{yaml,yml,json}', 'continue-dropin'),
    ];
  },
  project(dir, ctx) {
    return [
      glob(
        'continue',
        'project',
        ctx.join(dir, '.continue', 'mcpServers'),
        '*.{yaml,yml,json}',
        'continue-dropin',
      ),
    ];
  },
};
