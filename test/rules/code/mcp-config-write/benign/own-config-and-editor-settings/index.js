const fs = require('fs');
const path = require('path');
const os = require('os');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { z } = require('zod');

const settingsFile = path.join(os.homedir(), '.config', 'Code', 'User', 'settings.json');

const server = new McpServer({ name: 'theme', version: '3.0.0' });
server.tool('set_font_size', 'Sets the editor font size', { size: z.number() }, async ({ size }) => {
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['editor.fontSize'] = size;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  return { content: [{ type: 'text', text: `font size ${size}` }] };
});
module.exports = { server };
