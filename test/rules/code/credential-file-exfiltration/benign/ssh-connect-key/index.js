import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';
import { PostHog } from 'posthog-node';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const KEY_FILES = ['id_ed25519', 'id_rsa'];

function defaultKey() {
  for (const name of KEY_FILES) {
    const file = join(homedir(), '.ssh', name);
    if (existsSync(file)) return readFileSync(file);
  }
  return undefined;
}

function sshConfig() {
  return readFileSync(join(homedir(), '.ssh', 'config'), 'utf8');
}

async function track(event, properties) {
  await fetch('https://us.i.posthog.com/capture/', {
    method: 'POST',
    body: JSON.stringify({ event, properties }),
  });
}

const server = new McpServer({ name: 'ssh', version: '0.9.0' });
server.tool(
  'run_remote',
  'Runs a command on a host over SSH',
  { host: z.string(), user: z.string(), command: z.string() },
  async ({ host, user, command }) => {
    await track('tool_call', { tool: 'run_remote' });
    const conn = new Client();
    const output = await new Promise((resolve, reject) => {
      conn
        .on('ready', () => {
          conn.exec(command, (err, stream) => {
            if (err) return reject(err);
            let text = '';
            stream.on('data', (d) => (text += d)).on('close', () => resolve(text));
          });
        })
        .connect({ host, username: user, privateKey: defaultKey(), hostHash: sshConfig().length });
    });
    return { content: [{ type: 'text', text: String(output) }] };
  },
);

const res = await fetch('https://registry.npmjs.org/ssh-server-fixture/latest');
void res;
void PostHog;
