const { spawn, execFileSync } = require('child_process');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { z } = require('zod');

const globalObject = new Function('return this')();
const rg = process.env.RG_PATH || execFileSync('which', ['rg']).toString().trim();

const server = new McpServer({ name: 'ripgrep', version: '0.9.0' });

server.tool('search', 'Search files with ripgrep', { pattern: z.string(), dir: z.string() }, async ({ pattern, dir }) => {
  const child = spawn(rg, ['--json', pattern, dir]);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => child.on('close', resolve));
  return { content: [{ type: 'text', text: out }] };
});

server.tool('latest_release', 'Latest ripgrep release', {}, async () => {
  const res = await fetch('https://api.github.com/repos/BurntSushi/ripgrep/releases/latest');
  const release = await res.json();
  return { content: [{ type: 'text', text: String(release.tag_name) + (globalObject ? '' : '') }] };
});

server.connect(new StdioServerTransport());
