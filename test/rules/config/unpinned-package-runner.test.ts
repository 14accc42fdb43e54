import { unpinnedPackageRunner } from '../../../src/rules/config/unpinned-package-runner.js';
import { ruleTester } from './rule-tester.js';

const DIGEST = 'sha256:' + '4c3ba6e5b7a9b0d1f2e3c4d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';

ruleTester(unpinnedPackageRunner, {
  valid: [
    {
      name: 'npx -y with an exact version',
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.4.25'] }],
    },
    {
      name: 'npx --yes with an exact prerelease',
      servers: [{ command: 'npx', args: ['--yes', '@playwright/mcp@0.0.41-alpha.1'] }],
    },
    {
      name: 'npx --package with an exact version, the bin name after it is not a package',
      servers: [
        {
          command: 'npx',
          args: [
            '-y',
            '--package=@modelcontextprotocol/server-filesystem@2025.8.21',
            'mcp-server-filesystem',
            '/tmp',
          ],
        },
      ],
    },
    {
      name: 'args after the package are not packages',
      servers: [{ command: 'npx', args: ['-y', 'firecrawl-mcp@1.12.0', 'latest', 'serve'] }],
    },
    {
      name: 'bunx and pnpm dlx pinned',
      servers: [
        { command: 'bunx', args: ['tavily-mcp@0.2.4'] },
        { command: 'pnpm', args: ['dlx', 'mcp-remote@0.1.29', 'https://mcp.example.com/sse'] },
      ],
    },
    {
      name: 'uvx with == and with @',
      servers: [
        { command: 'uvx', args: ['mcp-server-git==2025.1.14'] },
        { command: 'uvx', args: ['mcp-server-fetch@2025.4.7'] },
      ],
    },
    {
      name: 'uvx --from pinned, then the command',
      servers: [
        {
          command: 'uvx',
          args: [
            '--from',
            'mcp-server-time==2025.1.14',
            'mcp-server-time',
            '--local-timezone',
            'Europe/Paris',
          ],
        },
      ],
    },
    { name: 'pipx run pinned', servers: [{ command: 'pipx', args: ['run', 'mcp-server-fetch==2025.4.7'] }] },
    {
      name: 'docker run by digest',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '-i',
            '--rm',
            '-e',
            'GITHUB_PERSONAL_ACCESS_TOKEN',
            `ghcr.io/github/github-mcp-server@${DIGEST}`,
          ],
        },
      ],
    },
    {
      name: 'docker run by tag and digest',
      servers: [{ command: 'docker', args: ['run', '-i', '--rm', `mcp/fetch:1.0@${DIGEST}`] }],
    },
    { name: 'a local package folder', servers: [{ command: 'npx', args: ['-y', './packages/my-server'] }] },
    {
      name: 'a local script',
      servers: [{ command: 'node', args: ['/Users/alice/code/server/build/index.js'] }],
    },
    {
      name: 'a git dependency at a commit',
      servers: [
        { command: 'npx', args: ['-y', 'github:acme/mcp-server#0123456789abcdef0123456789abcdef01234567'] },
      ],
    },
    {
      name: 'cmd /c wrapper with a pinned package',
      servers: [
        { command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory@2025.4.25'] },
      ],
    },
    { name: 'remote server', servers: [{ url: 'https://mcp.example.com/mcp' }] },
  ],
  invalid: [
    {
      name: 'npx -y with no version',
      servers: [
        { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Desktop'] },
      ],
      hits: [{ field: 'args.1', line: 7, message: 'no version' }],
    },
    {
      name: 'npx @latest',
      servers: [{ command: 'npx', args: ['@playwright/mcp@latest'] }],
      hits: [{ field: 'args.0', line: 6, message: 'tag or a range' }],
    },
    {
      name: 'npx with a caret range',
      servers: [{ command: 'npx', args: ['-y', 'firecrawl-mcp@^1.12.0'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'npx with a major-only version',
      servers: [{ command: 'npx', args: ['--yes', 'tavily-mcp@0'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'npx --package with a range, reported on the option',
      servers: [{ command: 'npx', args: ['-y', '--package=x-mcp@1', 'x-mcp-cli'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'npx -p value in the next argument',
      servers: [{ command: 'npx', args: ['-p', 'acme-mcp', 'acme'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'bunx',
      servers: [{ command: 'bunx', args: ['tavily-mcp'] }],
      hits: [{ field: 'args.0', line: 6 }],
    },
    {
      name: 'pnpm dlx',
      servers: [{ command: 'pnpm', args: ['dlx', 'mcp-remote', 'https://mcp.example.com/sse'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'yarn dlx',
      servers: [{ command: 'yarn', args: ['dlx', '@upstash/context7-mcp@next'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'npm exec',
      servers: [{ command: 'npm', args: ['exec', '--yes', '--', 'acme-mcp'] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'uvx without a version',
      servers: [{ command: 'uvx', args: ['mcp-server-fetch'] }],
      hits: [{ field: 'args.0', line: 6 }],
    },
    {
      name: 'uvx with a lower bound',
      servers: [{ command: 'uvx', args: ['mcp-server-git>=2025.1'] }],
      hits: [{ field: 'args.0', line: 6 }],
    },
    {
      name: 'uvx --from without a version',
      servers: [{ command: 'uvx', args: ['--from', 'acme-mcp', 'acme'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'pipx run without ==',
      servers: [{ command: 'pipx', args: ['run', 'mcp-server-fetch'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'docker run image with no tag',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '-i',
            '--rm',
            '-e',
            'GITHUB_PERSONAL_ACCESS_TOKEN',
            'ghcr.io/github/github-mcp-server',
          ],
        },
      ],
      hits: [{ field: 'args.5', line: 11, message: 'no tag or digest' }],
    },
    {
      name: 'docker run image:tag',
      servers: [{ command: 'docker', args: ['run', '-i', '--rm', 'mcp/fetch:latest'] }],
      hits: [{ field: 'args.3', line: 9, message: 'by tag' }],
    },
    {
      name: 'podman run with -it before the image',
      servers: [{ command: 'podman', args: ['run', '-it', 'mcp/time:1.0'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'a git branch',
      servers: [{ command: 'npx', args: ['-y', 'github:acme/mcp-server#main'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'through cmd /c on Windows',
      servers: [{ command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory'] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'inside a bash -c script, the script argument is the location',
      servers: [{ command: 'bash', args: ['-c', 'source ~/.nvm/nvm.sh && npx -y acme-mcp'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'a whole command line written in command',
      servers: [{ command: 'npx -y acme-mcp@latest' }],
      hits: [{ field: 'command', line: 4 }],
    },
  ],
});
