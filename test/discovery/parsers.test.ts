import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParseOutcome, ParsedDocument } from '../../src/discovery/parsers/document.js';
import { parseConfigText } from '../../src/discovery/parsers/index.js';

function parsed(outcome: ParseOutcome): ParsedDocument {
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.doc;
}

test('JSON: positions of keys and values, 1-based', () => {
  const doc = parsed(
    parseConfigText(
      '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y", "pkg"] }\n  }\n}',
      'json',
    ),
  );
  assert.deepEqual(doc.entryAt(['mcpServers', 'a']), { line: 3, column: 5 });
  assert.deepEqual(doc.valueAt(['mcpServers', 'a']), { line: 3, column: 10 });
  assert.deepEqual(doc.valueAt(['mcpServers', 'a', 'command']), { line: 3, column: 23 });
  assert.deepEqual(doc.valueAt(['mcpServers', 'a', 'args', 1]), { line: 3, column: 45 });
  assert.equal(doc.valueAt(['mcpServers', 'missing']), undefined);
  assert.equal(doc.valueAt(['mcpServers', 'a', 'args', 9]), undefined);
});

test('JSON: comments and trailing commas are accepted even in .json files', () => {
  const doc = parsed(parseConfigText('// note\n{ "a": [1, 2,], /* x */ }\n', 'json'));
  assert.deepEqual(doc.value, { a: [1, 2] });
});

test('JSON: the last of duplicate keys wins, for the value and its position', () => {
  const doc = parsed(parseConfigText('{ "a": 1,\n  "a": 2 }', 'json'));
  assert.deepEqual(doc.value, { a: 2 });
  assert.deepEqual(doc.valueAt(['a']), { line: 2, column: 8 });
});

test('JSON: a __proto__ key stays an ordinary key', () => {
  const doc = parsed(parseConfigText('{ "__proto__": { "polluted": true } }', 'json'));
  const value = doc.value as Record<string, unknown>;
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('JSON: an empty file parses to no value', () => {
  assert.equal(parsed(parseConfigText('  \n', 'json')).value, undefined);
});

test('JSON: a syntax error gives parse-error and the position of the first error', () => {
  const outcome = parseConfigText('{\n  "a": 1\n  "b": 2\n}', 'json');
  if (outcome.ok) assert.fail('expected a parse error');
  assert.equal(outcome.code, 'parse-error');
  assert.deepEqual(outcome.position, { line: 3, column: 3 });
});

test('YAML: positions of map keys, values and list items', () => {
  const doc = parsed(
    parseConfigText('extensions:\n  github:\n    cmd: npx\n    args:\n      - -y\n      - pkg\n', 'yaml'),
  );
  assert.deepEqual(doc.entryAt(['extensions', 'github']), { line: 2, column: 3 });
  assert.deepEqual(doc.valueAt(['extensions', 'github', 'cmd']), { line: 3, column: 10 });
  assert.deepEqual(doc.valueAt(['extensions', 'github', 'args', 1]), { line: 6, column: 9 });
});

test('YAML: scalars keep their types; anchors and aliases resolve', () => {
  const doc = parsed(parseConfigText('base: &b { cmd: npx }\ncopy: *b\nport: 8080\n', 'yaml'));
  assert.deepEqual(doc.value, { base: { cmd: 'npx' }, copy: { cmd: 'npx' }, port: 8080 });
  assert.deepEqual(doc.valueAt(['copy', 'cmd']), { line: 1, column: 17 });
});

test('YAML: a syntax error gives parse-error with a position', () => {
  const outcome = parseConfigText('a: [1, 2\nb: c\n', 'yaml');
  if (outcome.ok) assert.fail('expected a parse error');
  assert.equal(outcome.code, 'parse-error');
  assert.notEqual(outcome.position, undefined);
});

test('TOML: tables, quoted names, dotted keys, inline tables and multi-line arrays', () => {
  const text = [
    '[mcp_servers]',
    'inline = { command = "npx", args = ["-y", \'lit@1\'], env = { K = "v" } }',
    'multi = { args = [',
    '  "-y", # comment',
    "  'lit@1',",
    '] }',
    'dotted.command = "b"',
    '"quoted name".url = "https://x"',
    '',
    "[mcp_servers.'single']",
    'command = """multi',
    'line"""',
    'args = ["a", "b"]',
  ].join('\n');
  const doc = parsed(parseConfigText(text, 'toml'));
  assert.deepEqual(doc.entryAt(['mcp_servers', 'inline']), { line: 2, column: 1 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'inline', 'args', 1]), { line: 2, column: 43 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'inline', 'env', 'K']), { line: 2, column: 65 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'multi', 'args', 1]), { line: 5, column: 3 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'dotted', 'command']), { line: 7, column: 18 });
  assert.deepEqual(doc.entryAt(['mcp_servers', 'quoted name']), { line: 8, column: 1 });
  assert.deepEqual(doc.entryAt(['mcp_servers', 'single']), { line: 10, column: 1 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'single', 'args', 1]), { line: 13, column: 14 });
});

test('TOML: root-level dotted keys and arrays of tables', () => {
  const text = [
    'mcp_servers.x.command = "a"',
    '[[other]]',
    'x = 1',
    '[[other]]',
    'x = 2',
    '[other.sub]',
    'y = 3',
  ].join('\n');
  const doc = parsed(parseConfigText(text, 'toml'));
  assert.deepEqual(doc.entryAt(['mcp_servers', 'x']), { line: 1, column: 1 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'x', 'command']), { line: 1, column: 25 });
  assert.deepEqual(doc.valueAt(['other', 1, 'x']), { line: 5, column: 5 });
  assert.deepEqual(doc.valueAt(['other', 1, 'sub', 'y']), { line: 7, column: 5 });
});

test('TOML: escaped quotes in a table name are decoded before matching', () => {
  const doc = parsed(parseConfigText('[mcp_servers."a\\"b"]\ncommand = "x"\n', 'toml'));
  assert.deepEqual(doc.entryAt(['mcp_servers', 'a"b']), { line: 1, column: 1 });
  assert.deepEqual(doc.valueAt(['mcp_servers', 'a"b', 'command']), { line: 2, column: 11 });
});

test('TOML: a syntax error gives parse-error with the parser position', () => {
  const outcome = parseConfigText('[mcp_servers.a]\ncommand = \n', 'toml');
  if (outcome.ok) assert.fail('expected a parse error');
  assert.equal(outcome.code, 'parse-error');
  assert.equal(outcome.position?.line, 2);
});
