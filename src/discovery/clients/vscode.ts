import type { PathContext } from '../paths.js';
import type { ClientLocation } from '../types.js';
import { codeUserDir, file, glob, portableUserDir, type ClientDefinition } from './define.js';

function userDirLocations(client: string, userDir: string, ctx: PathContext): ClientLocation[] {
  return [
    file(client, 'user', ctx.join(userDir, 'mcp.json'), 'vscode-mcp', 'jsonc'),
    file(client, 'user', ctx.join(userDir, 'settings.json'), 'vscode-settings', 'jsonc'),
    glob(client, 'user', ctx.join(userDir, 'profiles'), '*/mcp.json', 'vscode-mcp', 'jsonc'),
    glob(client, 'user', ctx.join(userDir, 'profiles'), '*/settings.json', 'vscode-settings', 'jsonc'),
  ];
}

export const vscode: ClientDefinition = {
  id: 'vscode',
  machine(ctx) {
    const out = userDirLocations('vscode', codeUserDir(ctx, 'Code'), ctx);
    const portable = portableUserDir(ctx);
    if (portable !== undefined) out.push(...userDirLocations('vscode', portable, ctx));
    out.push(file('vscode', 'user', ctx.join(ctx.profile, '.vscode', 'mcp.json'), 'vscode-mcp', 'jsonc'));
    return out;
  },
  project(dir, ctx, isCwd) {
    const out = [
      file('vscode', 'project', ctx.join(dir, '.vscode', 'mcp.json'), 'vscode-mcp', 'jsonc'),
      file('vscode', 'project', ctx.join(dir, '.devcontainer', 'devcontainer.json'), 'devcontainer', 'jsonc'),
    ];
    if (isCwd) out.push(glob('vscode', 'project', dir, '*.code-workspace', 'vscode-workspace', 'jsonc'));
    return out;
  },
};

export const vscodeInsiders: ClientDefinition = {
  id: 'vscode-insiders',
  machine(ctx) {
    return userDirLocations('vscode-insiders', codeUserDir(ctx, 'Code - Insiders'), ctx);
  },
};

export const copilotCli: ClientDefinition = {
  id: 'copilot-cli',
  machine(ctx) {
    return [file('copilot-cli', 'user', ctx.join(ctx.profile, '.copilot', 'mcp-config.json'), 'mcp-servers')];
  },
};

/** Visual Studio reads `%USERPROFILE%\.mcp.json`; a solution's `.mcp.json` is attributed to Claude Code. */
export const visualStudio: ClientDefinition = {
  id: 'visual-studio',
  machine(ctx) {
    if (ctx.platform !== 'win32') return [];
    return [file('visual-studio', 'user', ctx.join(ctx.profile, '.mcp.json'), 'mcp-json')];
  },
};

/** Folders of VS Code-based editors where extensions keep their global storage. */
function extensionHosts(ctx: PathContext): string[] {
  const dirs = [codeUserDir(ctx, 'Code'), codeUserDir(ctx, 'Code - Insiders'), codeUserDir(ctx, 'Cursor')];
  const portable = portableUserDir(ctx);
  if (portable !== undefined) dirs.push(portable);
  return dirs;
}

function extensionSettings(
  client: string,
  extensionId: string,
  fileName: string,
  ctx: PathContext,
): ClientLocation[] {
  return extensionHosts(ctx).map((userDir) =>
    file(
      client,
      'user',
      ctx.join(userDir, 'globalStorage', extensionId, 'settings', fileName),
      'mcp-servers',
    ),
  );
}

export const cline: ClientDefinition = {
  id: 'cline',
  machine(ctx) {
    return extensionSettings('cline', 'saoudrizwan.claude-dev', 'cline_mcp_settings.json', ctx);
  },
};

export const rooCode: ClientDefinition = {
  id: 'roo-code',
  machine(ctx) {
    return extensionSettings('roo-code', 'rooveterinaryinc.roo-cline', 'mcp_settings.json', ctx);
  },
  project(dir, ctx) {
    return [file('roo-code', 'project', ctx.join(dir, '.roo', 'mcp.json'), 'mcp-servers')];
  },
};

export const kiloCode: ClientDefinition = {
  id: 'kilo-code',
  machine(ctx) {
    return extensionSettings('kilo-code', 'kilocode.kilo-code', 'mcp_settings.json', ctx);
  },
  project(dir, ctx) {
    return [file('kilo-code', 'project', ctx.join(dir, '.kilocode', 'mcp.json'), 'mcp-servers')];
  },
};
