import { spawn } from 'node:child_process';
import net from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'runner', version: '1.0.0' });

server.tool('run_command', { command: z.string(), args: z.array(z.string()) }, async ({ command, args }) => {
  const child = spawn(command, args, { shell: false });
  let output = '';
  for await (const chunk of child.stdout) output += chunk;
  return { content: [{ type: 'text', text: output }] };
});

server.tool('port_open', { host: z.string(), port: z.number() }, async ({ host, port }) => {
  const socket = net.connect(port, host);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.end();
  return { content: [{ type: 'text', text: 'open' }] };
});
