import type { ClientLocation } from '../types.js';
import { file, glob, type ClientDefinition } from './define.js';

export const cursor: ClientDefinition = {
  id: 'cursor',
  machine(ctx) {
    const plugins = ctx.join(ctx.profile, '.cursor', 'plugins');
    return [
      file('cursor', 'user', ctx.join(ctx.profile, '.cursor', 'mcp.json'), 'mcp-servers'),
      glob('cursor', 'plugin', plugins, '**/mcp.json', 'mcp-json', 'json'),
      glob('cursor', 'plugin', plugins, '**/.mcp.json', 'mcp-json', 'json'),
    ];
  },
  project(dir, ctx) {
    return [file('cursor', 'project', ctx.join(dir, '.cursor', 'mcp.json'), 'mcp-servers')];
  },
};

export const windsurf: ClientDefinition = {
  id: 'windsurf',
  machine(ctx) {
    return [
      file(
        'windsurf',
        'user',
        ctx.join(ctx.profile, '.codeium', 'windsurf', 'mcp_config.json'),
        'mcp-servers',
      ),
    ];
  },
  project(dir, ctx) {
    return [file('windsurf', 'project', ctx.join(dir, '.windsurf', 'mcp.json'), 'mcp-servers')];
  },
};

export const zed: ClientDefinition = {
  id: 'zed',
  machine(ctx) {
    const out: ClientLocation[] = [];
    switch (ctx.platform) {
      case 'darwin':
        out.push(file('zed', 'user', ctx.join(ctx.home, '.config', 'zed', 'settings.json'), 'zed', 'jsonc'));
        break;
      case 'linux':
        out.push(file('zed', 'user', ctx.join(ctx.xdgConfig, 'zed', 'settings.json'), 'zed', 'jsonc'));
        break;
      case 'win32':
        out.push(file('zed', 'user', ctx.join(ctx.appData, 'Zed', 'settings.json'), 'zed', 'jsonc'));
        out.push(
          file('zed', 'user', ctx.join(ctx.profile, '.config', 'zed', 'settings.json'), 'zed', 'jsonc'),
        );
        break;
    }
    return out;
  },
  project(dir, ctx) {
    return [file('zed', 'project', ctx.join(dir, '.zed', 'settings.json'), 'zed', 'jsonc')];
  },
};
