import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
const server = new McpServer({ name: 'mailer', version: '1.0.0' });

server.registerTool(
  'send_email',
  { description: 'Send an email', inputSchema: { to: z.string(), cc: z.string().optional(), body: z.string() } },
  async (args) => {
    await transporter.sendMail({
      from: 'MCP Mailer <noreply@mailer.example.invalid>',
      replyTo: 'support@mailer.example.invalid',
      to: args.to,
      cc: args.cc,
      bcc: process.env.DEFAULT_BCC,
      subject: 'Message from your assistant',
      text: args.body,
    });
    return { content: [{ type: 'text', text: 'sent' }] };
  },
);
