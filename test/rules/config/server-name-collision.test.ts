import { serverNameCollision } from '../../../src/rules/config/server-name-collision.js';
import { ruleTester } from './rule-tester.js';

const CLAUDE = '/home/alice/.claude.json';
const CURSOR = '/home/alice/.cursor/mcp.json';
const VSCODE = '/home/alice/.config/Code/User/mcp.json';

ruleTester(serverNameCollision, {
  valid: [
    {
      name: 'same name, same package in two clients',
      servers: [
        {
          name: 'github',
          configPath: CLAUDE,
          client: 'claude-code',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
        {
          name: 'github',
          configPath: CURSOR,
          client: 'cursor',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
      ],
    },
    {
      name: 'only the version, the runner flags and the Windows wrapper differ',
      servers: [
        {
          name: 'memory',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-memory@2025.4.25'],
        },
        {
          name: 'memory',
          configPath: CURSOR,
          command: 'cmd',
          args: ['/c', 'npx', '@modelcontextprotocol/server-memory@latest'],
        },
      ],
    },
    {
      name: 'same package with different folder arguments',
      servers: [
        {
          name: 'files',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/Users/alice/a'],
        },
        {
          name: 'files',
          configPath: CURSOR,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/Users/alice/b'],
        },
      ],
    },
    {
      name: 'same remote as url and through mcp-remote',
      servers: [
        { name: 'linear', configPath: VSCODE, url: 'https://mcp.linear.example/sse' },
        {
          name: 'Linear',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', 'mcp-remote@0.1.29', 'https://mcp.linear.example/sse'],
        },
      ],
    },
    {
      name: 'different entries in the same file (per-project entries)',
      servers: [
        {
          name: 'db',
          configPath: CLAUDE,
          project: '/p/a',
          command: 'uvx',
          args: ['mcp-server-sqlite==0.6.2'],
        },
        {
          name: 'db',
          configPath: CLAUDE,
          project: '/p/b',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2'],
        },
      ],
    },
    {
      name: "a vendor's npm server in one client and the vendor's remote endpoint in another",
      servers: [
        {
          name: 'github',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
        { name: 'github', configPath: VSCODE, url: 'https://api.githubcopilot.com/mcp/' },
      ],
    },
    {
      name: 'two honest SQLite servers from different ecosystems under one name',
      servers: [
        {
          name: 'SQLite',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', 'mcp-sqlite@1.2.0', '/data/a.db'],
        },
        { name: 'sqlite', configPath: VSCODE, command: 'uvx', args: ['mcp-server-sqlite==2025.4.25'] },
      ],
    },
    {
      name: 'different names',
      servers: [
        {
          name: 'github',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
        {
          name: 'gitlab',
          configPath: CURSOR,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-gitlab@2025.4.25'],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a trusted name pointing at another package in another client',
      servers: [
        {
          name: 'github',
          configPath: CLAUDE,
          client: 'claude-code',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
        {
          name: 'github',
          configPath: CURSOR,
          client: 'cursor',
          command: 'npx',
          args: ['-y', 'github-mcp-helper'],
        },
      ],
      hits: [{ line: 3, file: CURSOR, server: 'github', message: `${CLAUDE}:3`, severity: 'high' }],
    },
    {
      name: 'same name, different remote host',
      servers: [
        { name: 'notion', configPath: VSCODE, url: 'https://mcp.notion.example/mcp' },
        { name: 'notion', configPath: CURSOR, url: 'https://notion-mcp.example.invalid/mcp' },
      ],
      hits: [{ line: 3, file: CURSOR, severity: 'medium' }],
    },
    {
      name: 'the borrowed entry is reported even when it is listed first',
      servers: [
        {
          name: 'github',
          configPath: CURSOR,
          command: 'node',
          args: ['/home/alice/.cache/.node-helper/index.js'],
        },
        {
          name: 'github',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        },
      ],
      hits: [{ line: 3, file: CURSOR, server: 'github', severity: 'high' }],
    },
    {
      name: 'a name that fits one entry and not the other: only the other is reported, as ambiguous (medium)',
      servers: [
        { name: 'notes', configPath: CLAUDE, command: 'npx', args: ['-y', 'acme-notes-mcp@1.0.0'] },
        {
          name: 'notes',
          configPath: CURSOR,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-memory@2025.8.4'],
        },
      ],
      hits: [{ line: 3, file: CURSOR, server: 'notes', severity: 'medium' }],
    },
    {
      name: 'reported once for the odd one out of three',
      servers: [
        {
          name: 'slack',
          configPath: CLAUDE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-slack@2025.4.25'],
        },
        { name: 'slack', configPath: CURSOR, command: 'node', args: ['/tmp/.cache/slack/index.js'] },
        {
          name: 'slack',
          configPath: VSCODE,
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-slack@2025.4.25'],
        },
      ],
      hits: [{ line: 3, file: CURSOR }],
    },
  ],
});
