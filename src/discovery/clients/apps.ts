import { file, type ClientDefinition } from './define.js';

export const lmStudio: ClientDefinition = {
  id: 'lm-studio',
  machine(ctx) {
    return [
      file('lm-studio', 'user', ctx.join(ctx.profile, '.lmstudio', 'mcp.json'), 'mcp-servers'),
      file('lm-studio', 'user', ctx.join(ctx.profile, '.cache', 'lm-studio', 'mcp.json'), 'mcp-servers'),
    ];
  },
};

export const sema4ai: ClientDefinition = {
  id: 'sema4ai',
  machine(ctx) {
    const base =
      ctx.platform === 'win32'
        ? ctx.join(ctx.localAppData, 'sema4ai', 'sema4ai-studio')
        : ctx.join(ctx.home, '.sema4ai', 'sema4ai-studio');
    return [file('sema4ai', 'user', ctx.join(base, 'mcp_servers.json'), 'mcp-servers')];
  },
};
