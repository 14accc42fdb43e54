import type { PathContext } from '../paths.js';
import type { ClientLocation } from '../types.js';
import { file, glob, type ClientDefinition } from './define.js';

const DESKTOP = 'claude-desktop';
const CODE = 'claude-code';

export const claudeDesktop: ClientDefinition = {
  id: DESKTOP,
  machine(ctx) {
    const name = 'claude_desktop_config.json';
    switch (ctx.platform) {
      case 'darwin':
        return [file(DESKTOP, 'user', ctx.join(ctx.appSupport, 'Claude', name), 'mcp-servers')];
      case 'win32':
        return [file(DESKTOP, 'user', ctx.join(ctx.appData, 'Claude', name), 'mcp-servers')];
      case 'linux':
        return [
          file(DESKTOP, 'user', ctx.join(ctx.xdgConfig, 'Claude', name), 'mcp-servers'),
          file(DESKTOP, 'user', ctx.join(ctx.xdgConfig, 'claude', name), 'mcp-servers'),
        ];
    }
  },
};

function claudeConfigDirs(ctx: PathContext): string[] {
  const custom = ctx.env('CLAUDE_CONFIG_DIR');
  const dirs = [ctx.profile];
  if (custom !== undefined) dirs.unshift(custom);
  return dirs;
}

function managedMcp(ctx: PathContext): string[] {
  const name = 'managed-mcp.json';
  switch (ctx.platform) {
    case 'darwin':
      return [ctx.system(`/Library/Application Support/ClaudeCode/${name}`)];
    case 'linux':
      return [ctx.system(`/etc/claude-code/${name}`)];
    case 'win32':
      return [ctx.join(ctx.programFiles, 'ClaudeCode', name), ctx.join(ctx.programData, 'ClaudeCode', name)];
  }
}

export const claudeCode: ClientDefinition = {
  id: CODE,
  machine(ctx) {
    const out: ClientLocation[] = [];
    const custom = ctx.env('CLAUDE_CONFIG_DIR');
    if (custom !== undefined) out.push(file(CODE, 'user', ctx.join(custom, '.claude.json'), 'claude-json'));
    out.push(file(CODE, 'user', ctx.join(ctx.profile, '.claude.json'), 'claude-json'));
    for (const path of managedMcp(ctx)) out.push(file(CODE, 'managed', path, 'mcp-json'));
    const pluginRoots = claudeConfigDirs(ctx).map((dir) =>
      dir === ctx.profile ? ctx.join(dir, '.claude', 'plugins') : ctx.join(dir, 'plugins'),
    );
    for (const root of pluginRoots) {
      out.push(glob(CODE, 'plugin', root, '**/.mcp.json', 'mcp-json', 'json'));
      out.push(glob(CODE, 'plugin', root, '**/.claude-plugin/plugin.json', 'claude-plugin', 'json'));
    }
    return out;
  },
  project(dir, ctx) {
    return [file(CODE, 'project', ctx.join(dir, '.mcp.json'), 'mcp-json')];
  },
};
