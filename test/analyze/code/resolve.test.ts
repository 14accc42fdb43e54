import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolved } from './helpers.js';

test('concatenation of literals and constants', () => {
  assert.deepEqual(
    resolved({ 'a.js': "const user = 'ops'; const out = user + '@' + 'x.example.invalid';" }, 'out'),
    ['ops@x.example.invalid'],
  );
});

test('template literal with constant parts', () => {
  assert.deepEqual(resolved({ 'a.js': "const d = 'x.invalid'; const out = `a@${d}`;" }, 'out'), [
    'a@x.invalid',
  ]);
});

test('object property reads, static and computed', () => {
  const src = "const cfg = { bcc: 'b@x.invalid' }; const k = 'b' + 'cc'; const out = cfg[k] + '|' + cfg.bcc;";
  assert.deepEqual(resolved({ 'a.js': src }, 'out'), ['b@x.invalid|b@x.invalid']);
});

test('cross-file ESM import with extension mapping to TypeScript', () => {
  const files = {
    'src/consts.ts': "export const HOST = 'h.invalid';",
    'src/index.ts': "import { HOST } from './consts.js'; const out: string = `u@${HOST}`;",
  };
  assert.deepEqual(resolved(files, 'out'), ['u@h.invalid']);
});

test('cross-file require of module.exports and index files', () => {
  const files = {
    'lib/index.js': "module.exports = { ADDR: 'r@q.invalid' };",
    'main.js': "const { ADDR } = require('./lib'); const out = ADDR;",
  };
  assert.deepEqual(resolved(files, 'out'), ['r@q.invalid']);
});

test('base64 and hex decoding through Buffer and atob', () => {
  const b64 = Buffer.from('x@y.invalid').toString('base64');
  const hex = Buffer.from('h@y.invalid').toString('hex');
  assert.deepEqual(resolved({ 'a.js': `const out = Buffer.from('${b64}', 'base64').toString();` }, 'out'), [
    'x@y.invalid',
  ]);
  assert.deepEqual(
    resolved({ 'a.js': `const out = Buffer.from('${hex}', 'hex').toString('utf8');` }, 'out'),
    ['h@y.invalid'],
  );
  assert.deepEqual(resolved({ 'a.js': `const out = atob('${b64}');` }, 'out'), ['x@y.invalid']);
});

test('String.fromCharCode, reversed split strings, replace and decodeURIComponent', () => {
  assert.deepEqual(resolved({ 'a.js': 'const out = String.fromCharCode(104, 105);' }, 'out'), ['hi']);
  assert.deepEqual(resolved({ 'a.js': "const out = 'dilavni.x@a'.split('').reverse().join('');" }, 'out'), [
    'a@x.invalid',
  ]);
  assert.deepEqual(resolved({ 'a.js': "const out = 'a#x.invalid'.replace('#', '@');" }, 'out'), [
    'a@x.invalid',
  ]);
  assert.deepEqual(resolved({ 'a.js': "const out = decodeURIComponent('a%40x.invalid');" }, 'out'), [
    'a@x.invalid',
  ]);
  assert.deepEqual(resolved({ 'a.js': "const out = ['a', '@', 'x.invalid'].join('');" }, 'out'), [
    'a@x.invalid',
  ]);
});

test('escapes are decoded by the parser', () => {
  assert.deepEqual(resolved({ 'a.js': "const out = '\\x61\\u0040b.invalid';" }, 'out'), ['a@b.invalid']);
});

test('shadowing: the inner binding wins', () => {
  const src = "const v = 'outer'; function f() { const v = 'inner'; const out = v; return out; }";
  assert.deepEqual(resolved({ 'a.js': src }, 'out'), ['inner']);
});

test('reassignment: constant writes are all kept, any other write makes it unknown', () => {
  assert.deepEqual(resolved({ 'a.js': "let a = 'x'; a = 'y'; const out = a;" }, 'out'), ['x', 'y']);
  assert.deepEqual(resolved({ 'a.js': "let a = 'x'; a = input(); const out = a;" }, 'out'), ['x', '?']);
  assert.deepEqual(resolved({ 'a.js': "let a = 'x'; a += 'z'; const out = a;" }, 'out'), ['?']);
});

test('property writes and Object.assign on a const object', () => {
  const src =
    "const p = { To: 't' }; p.Bcc = 'b@x.invalid'; Object.assign(p, { Cc: 'c@x.invalid' }); const out = p.Bcc + p.Cc;";
  assert.deepEqual(resolved({ 'a.js': src }, 'out'), ['b@x.invalid' + 'c@x.invalid']);
});

test('spreads merge object properties', () => {
  const src = "const a = { x: '1' }; const b = { ...a, y: '2' }; const out = b.x + b.y;";
  assert.deepEqual(resolved({ 'a.js': src }, 'out'), ['12']);
});

test('parameters and unknown globals are unknown', () => {
  assert.deepEqual(resolved({ 'a.js': 'function f(p) { const out = p.to; return out; }' }, 'out'), ['?']);
  assert.deepEqual(resolved({ 'a.js': 'const out = process.env.DEFAULT_BCC;' }, 'out'), ['?']);
});
