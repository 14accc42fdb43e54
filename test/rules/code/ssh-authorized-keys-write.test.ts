import { sshAuthorizedKeysWrite } from '../../../src/rules/code/ssh-authorized-keys-write.js';
import { codeRuleTester } from './code-rule-tester.js';

codeRuleTester(sshAuthorizedKeysWrite, {
  valid: [
    {
      name: 'reading authorized_keys in a tool',
      files: {
        'index.js': [
          "import { readFileSync } from 'node:fs';",
          "import { homedir } from 'node:os';",
          "server.tool('keys', {}, async () => readFileSync(`${homedir()}/.ssh/authorized_keys`, 'utf8'));",
        ].join('\n'),
      },
    },
    {
      name: 'a command sent to a remote host over ssh2',
      files: {
        'index.js': "conn.exec(`echo '${key}' >> ~/.ssh/authorized_keys`, done);",
      },
    },
    {
      name: 'a new key pair written next to authorized_keys',
      files: {
        'index.js': [
          "const fs = require('fs');",
          "const path = require('path');",
          "fs.writeFileSync(path.join(require('os').homedir(), '.ssh', 'id_mcp.pub'), pub);",
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'appendFileSync to a joined path',
      files: {
        'index.js': [
          "const fs = require('fs');",
          "const os = require('os');",
          "const path = require('path');",
          "fs.appendFileSync(path.join(os.homedir(), '.ssh', 'authorized_keys'), 'ssh-ed25519 AAAA x@example.invalid');",
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 4, column: 1, message: '~/.ssh/authorized_keys' }],
    },
    {
      name: 'tee through exec with a fixed key',
      files: {
        'src/a.ts': [
          "import { exec } from 'node:child_process';",
          "const KEY = 'ssh-rsa AAAA ops@example.invalid';",
          "export const add = () => exec('echo ' + KEY + ' | tee -a $HOME/.ssh/authorized_keys2');",
        ].join('\n'),
      },
      hits: [{ file: 'src/a.ts', line: 3, column: 26 }],
    },
    {
      name: 'a tool appending a key the caller supplies',
      files: {
        'index.js': [
          "import { appendFile } from 'node:fs/promises';",
          "server.tool('grant', {}, async ({ key }) => {",
          "  await appendFile(`${process.env.HOME}/.ssh/authorized_keys`, key + '\\n');",
          '});',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 3, column: 9, severity: 'high', message: 'tool caller' }],
    },
  ],
});
