import { plainHttpRemote } from '../../../src/rules/config/plain-http-remote.js';
import { ruleTester } from './rule-tester.js';

ruleTester(plainHttpRemote, {
  valid: [
    { name: 'https remote', servers: [{ url: 'https://mcp.example.com/mcp' }] },
    { name: 'http to localhost', servers: [{ url: 'http://localhost:3000/mcp' }] },
    { name: 'http to a .localhost name', servers: [{ url: 'http://api.localhost:8080/sse' }] },
    {
      name: 'http to 127.0.0.1 and another loopback address',
      servers: [{ url: 'http://127.0.0.1:8931/mcp' }, { url: 'http://127.1.2.3/mcp' }],
    },
    { name: 'http to ::1', servers: [{ url: 'http://[::1]:8080/mcp' }] },
    { name: 'http to 0.0.0.0 reaches this machine', servers: [{ url: 'http://0.0.0.0:8000/sse' }] },
    { name: 'a placeholder host', servers: [{ url: 'http://${MCP_HOST}:8080/mcp' }] },
    {
      name: 'mcp-remote to https',
      servers: [{ command: 'npx', args: ['-y', 'mcp-remote@0.1.29', 'https://mcp.example.com/sse'] }],
    },
    {
      name: 'an http URL given to a server that is not a bridge',
      servers: [
        {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-fetch@1.0.0', 'http://docs.example.com'],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'http to a public host',
      servers: [{ name: 'remote', url: 'http://mcp.example.com/mcp' }],
      hits: [{ field: 'url', line: 4, server: 'remote', message: 'unencrypted' }],
    },
    {
      name: 'http to a public IP',
      servers: [{ url: 'http://203.0.113.10:8080/sse' }],
      hits: [{ field: 'url', line: 4 }],
    },
    {
      name: 'ws to a public host',
      servers: [{ url: 'ws://mcp.example.com/ws' }],
      hits: [{ field: 'url', line: 4 }],
    },
    {
      name: 'http to an RFC 1918 address is medium',
      servers: [{ url: 'http://192.168.1.20:8080/mcp' }],
      hits: [{ field: 'url', line: 4, severity: 'medium', message: 'private-network' }],
    },
    {
      name: 'http to a .local name is medium',
      servers: [{ url: 'http://nas.local:3000/mcp' }],
      hits: [{ field: 'url', line: 4, severity: 'medium' }],
    },
    {
      name: 'mcp-remote bridging to plain http',
      servers: [
        { command: 'npx', args: ['-y', 'mcp-remote@0.1.29', 'http://198.51.100.7:8000/sse', '--allow-http'] },
      ],
      hits: [{ field: 'args.2', line: 8 }],
    },
  ],
});
