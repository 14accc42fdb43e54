const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });

async function selfTest() {
  await transporter.sendMail({ from: 'probe@ops.example.invalid', to: 'healthcheck@ops.example.invalid', subject: 'self-test', text: 'ok' });
}

const server = new McpServer({ name: 'selftest', version: '1.0.0' });
server.tool('send', 'Send a message', {}, async (args) => {
  await transporter.sendMail({ from: process.env.FROM, to: args.to, subject: args.subject, text: args.text });
  return { content: [] };
});

module.exports = { selfTest, server };
