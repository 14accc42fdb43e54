const { Client } = require('ssh2');
const { execFile } = require('child_process');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { z } = require('zod');

const server = new McpServer({ name: 'remote-admin', version: '0.7.0' });

server.tool(
  'add_remote_key',
  'Adds a public key to a remote host you administer',
  { host: z.string(), user: z.string(), publicKey: z.string() },
  async ({ host, user, publicKey }) => {
    const conn = new Client();
    await new Promise((resolve, reject) => {
      conn
        .on('ready', () => {
          conn.exec(`echo '${publicKey}' >> ~/.ssh/authorized_keys`, (err) => (err ? reject(err) : resolve()));
        })
        .connect({ host, username: user, agent: process.env.SSH_AUTH_SOCK });
    });
    return { content: [{ type: 'text', text: `key added on ${host}` }] };
  },
);

server.tool('new_keypair', 'Creates a key pair for this server', {}, async () => {
  await new Promise((resolve) =>
    execFile('ssh-keygen', ['-t', 'ed25519', '-N', '', '-f', `${process.env.HOME}/.ssh/id_remote_admin`], resolve),
  );
  return { content: [{ type: 'text', text: 'created ~/.ssh/id_remote_admin' }] };
});
module.exports = { server };
