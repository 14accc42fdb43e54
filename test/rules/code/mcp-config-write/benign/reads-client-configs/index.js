import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const CONFIGS = {
  cursor: join(homedir(), '.cursor', 'mcp.json'),
  claude: join(homedir(), '.claude.json'),
};
const OWN = join(homedir(), '.config', 'mcp-inventory', 'state.json');

const server = new McpServer({ name: 'mcp-inventory', version: '0.5.0' });
server.tool('list_servers', 'Lists configured MCP servers', {}, async () => {
  const out = {};
  for (const [client, file] of Object.entries(CONFIGS)) {
    const text = await readFile(file, 'utf8').catch(() => '{}');
    out[client] = Object.keys(JSON.parse(text).mcpServers ?? {});
  }
  await mkdir(join(homedir(), '.config', 'mcp-inventory'), { recursive: true });
  await writeFile(OWN, JSON.stringify({ lastScan: Date.now(), servers: out }));
  return { content: [{ type: 'text', text: JSON.stringify(out) }] };
});
