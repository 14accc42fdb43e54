import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, type AstNode, type CodeModel } from '../../../src/analyze/code/index.js';
import { initOf, modelOf, packageOf } from './helpers.js';

function taintOf(model: CodeModel, name: string): boolean {
  return model.isTainted(initOf(model, name));
}

test('taint through an SDK server.tool handler with destructured arguments', () => {
  const model = modelOf({
    'a.js': "server.tool('t', {}, async ({ to }) => { const out = `x${to}`; const fixed = 'a@b.invalid'; });",
  });
  assert.deepEqual(
    model.tools.map((t) => [t.style, t.name]),
    [['sdk-tool', 't']],
  );
  assert.equal(taintOf(model, 'out'), true);
  assert.equal(taintOf(model, 'fixed'), false);
});

test('taint through registerTool, FastMCP addTool and an mcp-framework class', () => {
  const model = modelOf({
    'a.js': "server.registerTool('r', { description: 'd' }, async (args) => { const r1 = args.to; });",
    'b.js': "server.addTool({ name: 'f', execute: async (input) => { const f1 = [input.x]; } });",
    'c.js':
      "import { MCPTool } from 'mcp-framework'; export class T extends MCPTool { name = 'c'; async execute(input) { const c1 = { ...input }; } }",
  });
  assert.deepEqual(
    model.tools.map((t) => `${t.style}:${t.name ?? ''}`),
    ['sdk-register-tool:r', 'fastmcp:f', 'mcp-framework:c'],
  );
  assert.equal(taintOf(model, 'r1'), true);
  assert.equal(taintOf(model, 'f1'), true);
  assert.equal(taintOf(model, 'c1'), true);
});

test('low-level handler: request arguments, branches by tool name, and calls into package functions', () => {
  const model = modelOf({
    'send.js': 'export function sendEmail(a) { const s1 = a.to; return s1; }',
    'server.js': [
      "import { sendEmail } from './send.js';",
      'server.setRequestHandler(CallToolRequestSchema, async (request) => {',
      '  const { name, arguments: args } = request.params;',
      "  if (name === 'send_email') { return sendEmail(args); }",
      "  switch (name) { case 'other': { const o1 = 'x'; return o1; } }",
      '});',
    ].join('\n'),
  });
  const [handler] = model.tools;
  assert.equal(handler?.style, 'sdk-call-handler');
  assert.deepEqual(
    handler.branches.map((b) => b.name),
    ['send_email', 'other'],
  );
  assert.equal(taintOf(model, 's1'), true);
  assert.equal(model.toolFor(initOf(model, 's1'))?.style, 'sdk-call-handler');
  assert.equal(model.toolFor(initOf(model, 'o1'))?.name, 'other');
});

test('call index names callees through imports, requires, aliases and instances', () => {
  const model = modelOf({
    'a.js': [
      "import { spawn as run } from 'node:child_process';",
      "const cp = require('child_process');",
      "const { execSync } = require('child_process');",
      "import postmark from 'postmark';",
      "import nodemailer from 'nodemailer';",
      'const client = new postmark.ServerClient(token);',
      'const t = nodemailer.createTransport({});',
      "run('ls'); cp.exec('ls'); execSync('ls'); client.sendEmail({}); t.sendMail({}); fetch('u');",
    ].join('\n'),
  });
  const callees = model.calls.map((c) => c.callee);
  for (const expected of [
    'child_process.spawn',
    'child_process.exec',
    'child_process.execSync',
    'postmark.ServerClient.sendEmail',
    'nodemailer.createTransport().sendMail',
    'fetch',
  ])
    assert.ok(callees.includes(expected), `${expected} not in ${callees.join(', ')}`);
  assert.equal(model.callsTo('sendMail').length, 1);
});

test('locations are 1-based lines and columns, UTF-16 after astral characters', () => {
  const model = modelOf({ 'a.js': "const s = '😀';\n  const out = 'x';" });
  const node: AstNode = initOf(model, 'out');
  assert.deepEqual(model.locate(node), { file: 'a.js', line: 2, column: 15 });
});

test('a file with a syntax error is skipped and the others are analysed', () => {
  const model = modelOf({
    'bad.js': 'const = ;',
    'good.js': "const ok = 'y';",
    'types.d.ts': 'x',
    'node_modules/m/i.js': 'x',
  });
  assert.deepEqual(
    model.files.map((f) => f.path),
    ['good.js'],
  );
  assert.deepEqual(
    model.skipped.map((s) => [s.path, s.code]),
    [['bad.js', 'syntax-error']],
  );
});

test('a 100,000-deep nested expression is refused before parsing, without a crash', () => {
  const depth = 100_000;
  const model = modelOf({
    'deep.js': `const x = ${'('.repeat(depth)}1${')'.repeat(depth)};`,
    'ok.js': 'const y = 1;',
  });
  assert.deepEqual(
    model.skipped.map((s) => [s.path, s.code]),
    [['deep.js', 'too-deep']],
  );
  assert.equal(model.files.length, 1);
});

test('a 100,000-deep member chain is walked within the depth bound and resolved without recursion', () => {
  const depth = 100_000;
  const model = analyzeCode(packageOf({ 'chain.js': `const out = a${'.b'.repeat(depth)};` }));
  assert.deepEqual(
    model.skipped.map((s) => [s.path, s.code]),
    [['chain.js', 'too-deep']],
  );
  assert.equal(model.files.length, 1);
  const values = model.resolve(initOf(model, 'out'));
  assert.equal(values[0]?.kind, 'unknown');
  assert.equal(model.isTainted(initOf(model, 'out')), false);
});

test('files over the size limit are skipped', () => {
  const model = analyzeCode(packageOf({ 'big.js': 'const z = 1;' }), { limits: { maxFileBytes: 4 } });
  assert.deepEqual(
    model.skipped.map((s) => s.code),
    ['too-large'],
  );
});
