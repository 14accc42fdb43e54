import { dynamicCodeExecution } from '../../../src/rules/code/dynamic-code-execution.js';
import { codeRuleTester } from './code-rule-tester.js';

const TOOL_HEAD = [
  "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
  "const server = new McpServer({ name: 'x', version: '1.0.0' });",
];

codeRuleTester(dynamicCodeExecution, {
  valid: [
    {
      name: 'globalThis shims',
      files: { 'index.js': "var a = new Function('return this')();\nvar b = Function('return this')();\n" },
    },
    {
      name: 'eval hiding require from a bundler, and an import shim',
      files: {
        'index.js': "const r = eval('require');\nconst load = new Function('s', 'return import(s)');\n",
      },
    },
    {
      name: 'a computed require of a plain path',
      files: {
        'index.cjs':
          "const path = require('path');\nmodule.exports = require(path.join(__dirname, process.env.LOCALE || 'en'));\n",
      },
    },
    {
      name: 'a base64 image decoded but not executed',
      files: {
        'index.js': "const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAE=', 'base64');\nexport { png };\n",
      },
    },
    {
      name: 'setTimeout with a function',
      files: { 'index.js': 'setTimeout(() => console.log(1), 10);\n' },
    },
  ],
  invalid: [
    {
      name: 'eval of atob',
      files: { 'index.js': "const x = 'Y29uc29sZS5sb2coMSk=';\nwindow.y = eval(atob(x));\n" },
      hits: [{ file: 'index.js', line: 2, column: 12, severity: 'critical', message: 'console.log(1)' }],
    },
    {
      name: 'new Function over hex built in another file',
      files: {
        'k.js': "module.exports = { K: '72657175697265282766732729' };\n",
        'index.js':
          "const { K } = require('./k');\nconst f = new Function(Buffer.from(K, 'hex').toString());\nf();\n",
      },
      hits: [{ file: 'index.js', line: 2, column: 11, severity: 'critical', message: "require('fs')" }],
    },
    {
      name: 'setTimeout with a string escaped character by character',
      files: {
        'index.js':
          "setTimeout('\\x70\\x72\\x6f\\x63\\x65\\x73\\x73\\x2e\\x65\\x78\\x69\\x74\\x28\\x29', 5);\n",
      },
      hits: [{ file: 'index.js', line: 1, column: 1, severity: 'critical' }],
    },
    {
      name: 'a constant code string that reaches for child_process',
      files: { 'index.js': "eval(\"require('child_process').execSync('id')\");\n" },
      hits: [{ file: 'index.js', line: 1, column: 1, message: 'constant code string' }],
    },
    {
      name: 'a tool argument evaluated by a tool that is not a code runner',
      files: {
        'index.js': [
          ...TOOL_HEAD,
          "server.tool('calculate', 'Evaluate an arithmetic expression', {}, async ({ expression }) => {",
          '  return { content: [{ type: "text", text: String(eval(expression)) }] };',
          '});',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 4, column: 51, severity: 'high', message: 'tool "calculate"' }],
    },
    {
      name: 'a code-runner tool is medium',
      files: {
        'index.js': [
          "import vm from 'node:vm';",
          ...TOOL_HEAD,
          "server.tool('run_javascript', 'Run JavaScript', {}, async ({ code }) => {",
          '  const result = vm.runInNewContext(code, {});',
          '  return { content: [{ type: "text", text: String(result) }] };',
          '});',
        ].join('\n'),
      },
      hits: [{ file: 'index.js', line: 5, column: 18, severity: 'medium', message: 'code runner' }],
    },
  ],
});
