import { secretInConfig } from '../../../src/rules/config/secret-in-config.js';
import { ruleTester } from './rule-tester.js';
import {
  FAKE_HIGH_ENTROPY,
  fakeAnthropicKey,
  fakeAwsAccessKeyId,
  fakeGithubToken,
  fakeJwt,
  fakeSlackWebhook,
  fakeStripeKey,
} from './fake-secrets.js';

const github = fakeGithubToken();

ruleTester(secretInConfig, {
  valid: [
    {
      name: 'env references a variable',
      servers: [
        {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_PERSONAL_ACCESS_TOKEN}' },
        },
      ],
    },
    {
      name: 'VS Code input variable and env: reference',
      servers: [
        {
          command: 'npx',
          args: ['-y', 'firecrawl-mcp@1.12.0'],
          env: { FIRECRAWL_API_KEY: '${input:firecrawl_key}', OTHER_TOKEN: '${env:OTHER_TOKEN}' },
        },
      ],
    },
    {
      name: 'README template values',
      servers: [
        {
          command: 'npx',
          args: ['-y', 'tavily-mcp@0.2.4'],
          env: { TAVILY_API_KEY: 'your-api-key-here', BRAVE_API_KEY: '<YOUR_API_KEY>' },
        },
      ],
    },
    {
      name: 'Authorization header with a variable',
      servers: [{ url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${MCP_TOKEN}' } }],
    },
    {
      name: 'non-secret settings under secret-looking names',
      servers: [
        {
          command: 'uvx',
          args: ['mcp-server-git==2025.1.14', '--repository', '/Users/alice/code/app'],
          env: {
            AUTH_MODE: 'oauth2-client-credentials',
            API_KEY_FILE: '/Users/alice/.config/acme/key.txt',
            AUTH_TENANT_ID: '123e4567-e89b-12d3-a456-426614174000',
          },
        },
      ],
    },
    {
      name: 'a Supabase anon key is public by design',
      servers: [
        {
          command: 'npx',
          args: ['-y', '@supabase/mcp-server-supabase@0.4.5'],
          env: { SUPABASE_ANON_KEY: fakeJwt() },
        },
      ],
    },
    {
      name: 'a password in a URL is left to config/token-in-url',
      servers: [
        {
          command: 'npx',
          args: [
            '-y',
            '@modelcontextprotocol/server-postgres@0.6.2',
            'postgresql://app:Hx7vQ2mR9kLp@db.example.invalid/app',
          ],
        },
      ],
    },
    {
      name: 'a random value in a field whose name says nothing about secrets',
      servers: [{ command: 'node', args: ['/opt/acme/server.js'], env: { BUILD_ID: FAKE_HIGH_ENTROPY } }],
    },
  ],
  invalid: [
    {
      name: 'GitHub token in env',
      servers: [
        {
          name: 'github',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: github },
        },
      ],
      hits: [
        {
          field: 'env.GITHUB_PERSONAL_ACCESS_TOKEN',
          line: 10,
          server: 'github',
          message: 'GitHub personal access token',
        },
      ],
      secret: github.slice(4),
    },
    {
      name: 'token passed as a flag value',
      servers: [{ command: 'npx', args: ['-y', 'acme-mcp@1.0.0', '--stripe-key', fakeStripeKey()] }],
      hits: [{ field: 'args.3', line: 9 }],
      secret: fakeStripeKey().slice(8),
    },
    {
      name: 'key-named high-entropy value in a flag=value argument is medium',
      servers: [{ command: 'acme-mcp', args: [`--api-key=${FAKE_HIGH_ENTROPY}`] }],
      hits: [{ field: 'args.0', line: 6, severity: 'medium' }],
      secret: FAKE_HIGH_ENTROPY,
    },
    {
      name: 'Authorization header written out',
      servers: [
        { url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${FAKE_HIGH_ENTROPY}` } },
      ],
      hits: [{ field: 'headers.Authorization', line: 5, severity: 'medium' }],
      secret: FAKE_HIGH_ENTROPY,
    },
    {
      name: 'Slack webhook URL as the remote URL',
      servers: [{ url: fakeSlackWebhook() }],
      hits: [{ field: 'url', line: 4 }],
      secret: fakeSlackWebhook().slice(-24),
    },
    {
      name: 'several secrets in several fields, one hit per field',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '-i',
            '--rm',
            '-e',
            `AWS_ACCESS_KEY_ID=${fakeAwsAccessKeyId()}`,
            'mcp/aws@sha256:' + 'a'.repeat(64),
          ],
          env: { ANTHROPIC_API_KEY: fakeAnthropicKey() },
        },
      ],
      hits: [
        { field: 'env.ANTHROPIC_API_KEY', line: 14 },
        { field: 'args.4', line: 10 },
      ],
    },
    {
      name: 'a secret in a disabled entry still sits in the file',
      servers: [
        { enabled: false, command: 'npx', args: ['-y', 'acme-mcp@1.0.0'], env: { ACME_TOKEN: github } },
      ],
      hits: [{ field: 'env.ACME_TOKEN', line: 10 }],
    },
  ],
});
