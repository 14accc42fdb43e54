import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover } from '../../src/discovery/index.js';
import { tempDir } from '../helpers/temp.js';

function write(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2));
}

test('darwin paths are read for real: Application Support, ~/.config/zed and /Library managed files', async () => {
  const home = tempDir('warden-darwin-');
  const system = tempDir('warden-darwin-sys-');
  const support = join(home, 'Library', 'Application Support');
  write(join(support, 'Claude', 'claude_desktop_config.json'), {
    mcpServers: { desk: { command: 'npx', args: ['-y', 'desk@1.0.0'] } },
  });
  write(join(support, 'Code', 'User', 'mcp.json'), {
    servers: { code: { command: 'uvx', args: ['code-mcp'] } },
  });
  write(join(home, '.config', 'zed', 'settings.json'), { context_servers: { zed: { command: 'zed-mcp' } } });
  write(join(system, 'Library', 'Application Support', 'ClaudeCode', 'managed-mcp.json'), {
    mcpServers: { corp: { type: 'http', url: 'https://mcp.example.com/mcp' } },
  });
  write(join(home, '.config', 'Claude', 'claude_desktop_config.json'), {
    mcpServers: { linuxOnly: { command: 'x' } },
  });
  const result = await discover({ platform: 'darwin', home, env: {}, systemRoot: system });
  assert.deepEqual(result.servers.map((s) => `${s.client} ${s.scope} ${s.name}`).sort(), [
    'claude-code managed corp',
    'claude-desktop user desk',
    'vscode user code',
    'zed user zed',
  ]);
});
