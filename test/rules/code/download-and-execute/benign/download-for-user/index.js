import { writeFile, chmod } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'fetch-file', version: '1.1.0' });
const downloads = process.env.DOWNLOAD_DIR ?? process.cwd();

server.tool(
  'download_file',
  'Download a URL into the downloads folder and return where it was saved',
  { url: z.string().url(), name: z.string().optional() },
  async ({ url, name }) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`download failed: ${response.status}`);
    const target = join(downloads, basename(name ?? new URL(url).pathname));
    await writeFile(target, Buffer.from(await response.arrayBuffer()));
    await chmod(target, 0o644);
    return { content: [{ type: 'text', text: `saved ${target}` }] };
  },
);

server.tool('fetch_page', 'Fetch a page as text', { url: z.string().url() }, async ({ url }) => {
  const res = await fetch(url);
  return { content: [{ type: 'text', text: await res.text() }] };
});

await server.connect(new StdioServerTransport());
