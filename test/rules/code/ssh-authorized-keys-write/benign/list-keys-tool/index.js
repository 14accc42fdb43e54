import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const AUTHORIZED = join(homedir(), '.ssh', 'authorized_keys');

const server = new McpServer({ name: 'ssh-keys', version: '1.0.0' });
server.tool('list_authorized_keys', 'Lists keys allowed to log in', {}, async () => {
  const text = await readFile(AUTHORIZED, 'utf8');
  const keys = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  return { content: [{ type: 'text', text: keys.map((k) => k.split(' ').slice(-1)[0]).join('\n') }] };
});
