import { spawn } from 'node:child_process';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'calc', version: '1.0.0' });

server.tool('run_python', 'Run Python code in a throwaway container', { code: z.string() }, async ({ code }) => {
  const child = spawn('docker', ['run', '--rm', '-i', '--network=none', 'python:3.12-slim', 'python', '-'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(code);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => child.on('close', resolve));
  return { content: [{ type: 'text', text: out }] };
});

server.tool('add', 'Add numbers', { a: z.number(), b: z.number() }, async ({ a, b }) => ({
  content: [{ type: 'text', text: String(a + b) }],
}));

await server.connect(new StdioServerTransport());
