import { tokenInUrl } from '../../../src/rules/config/token-in-url.js';
import { ruleTester } from './rule-tester.js';
import { FAKE_HIGH_ENTROPY, fakeGoogleApiKey } from './fake-secrets.js';

ruleTester(tokenInUrl, {
  valid: [
    {
      name: 'a URL without credentials',
      servers: [{ url: 'https://mcp.example.com/mcp?profile=work&region=eu' }],
    },
    {
      name: 'a placeholder in the query',
      servers: [{ url: 'https://mcp.example.com/mcp?api_key=${ACME_API_KEY}' }],
    },
    {
      name: 'a VS Code input in the query',
      servers: [{ url: 'https://mcp.example.com/mcp?token=${input:acme_token}' }],
    },
    {
      name: 'a placeholder password',
      servers: [
        {
          command: 'npx',
          args: [
            '-y',
            '@modelcontextprotocol/server-postgres@0.6.2',
            'postgresql://app:${PGPASSWORD}@db.example.com/app',
          ],
        },
      ],
    },
    {
      name: 'no password in a connection string',
      servers: [
        {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', 'postgresql://localhost/mydb'],
        },
      ],
    },
    {
      name: 'the stock password of a local development database',
      servers: [
        {
          command: 'npx',
          args: [
            '-y',
            '@modelcontextprotocol/server-postgres@0.6.2',
            'postgresql://postgres:postgres@localhost:5432/dev',
          ],
        },
      ],
    },
    {
      name: 'a short non-secret value under a secret-looking name',
      servers: [{ url: 'https://mcp.example.com/mcp?auth=oauth' }],
    },
    {
      name: 'token_type is not a credential',
      servers: [{ url: 'https://mcp.example.com/cb?token_type=bearer&expires_in=3600' }],
    },
  ],
  invalid: [
    {
      name: 'api_key in the query of the remote URL',
      servers: [
        { name: 'search', url: `https://mcp.example.com/mcp?api_key=${FAKE_HIGH_ENTROPY}&profile=work` },
      ],
      hits: [{ field: 'url', line: 4, server: 'search', message: 'query parameter "api_key"' }],
      secret: FAKE_HIGH_ENTROPY,
    },
    {
      name: 'a Google key in key=',
      servers: [{ url: `https://maps.example.com/mcp?key=${fakeGoogleApiKey()}` }],
      hits: [{ field: 'url', line: 4 }],
      secret: fakeGoogleApiKey().slice(4),
    },
    {
      name: 'a password in a connection string argument',
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
      hits: [{ field: 'args.2', line: 8, message: 'password of user "app"' }],
      secret: 'Hx7vQ2mR9kLp',
    },
    {
      name: 'a password in an env connection string',
      servers: [
        { command: 'acme-db-mcp', env: { DATABASE_URL: 'mysql://root:Hx7vQ2mR9kLp@198.51.100.4:3306/app' } },
      ],
      hits: [{ field: 'env.DATABASE_URL', line: 6 }],
      secret: 'Hx7vQ2mR9kLp',
    },
    {
      name: 'a token on localhost is medium',
      servers: [{ url: 'http://localhost:3000/mcp?access_token=Dev4Token9Local2x' }],
      hits: [{ field: 'url', line: 4, severity: 'medium' }],
      secret: 'Dev4Token9Local2x',
    },
    {
      name: 'an Azure SAS signature',
      servers: [
        {
          url: 'https://acct.blob.core.example.com/c/f.json?sv=2024-11-04&sp=r&se=2026-01-01&sig=Qm9ndXNTaWduYXR1cmVGb3JUZXN0cw%3D%3D',
        },
      ],
      hits: [{ field: 'url', line: 4 }],
    },
  ],
});
