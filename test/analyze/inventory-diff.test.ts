import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffInventory } from '../../src/analyze/inventory-diff.js';
import type { PublicServer } from '../../src/model/server.js';

function server(name: string, extra: Partial<PublicServer> = {}): PublicServer {
  return {
    id: `cursor|/h/.cursor/mcp.json||${name}`,
    client: 'cursor',
    scope: 'user',
    configPath: '/h/.cursor/mcp.json',
    name,
    transport: 'stdio',
    command: 'npx',
    args: ['-y', `${name}@1.0.0`],
    envKeys: [],
    headerKeys: [],
    enabled: true,
    ...extra,
  };
}

test('identical inventories have no changes', () => {
  assert.deepEqual(diffInventory([server('a'), server('b')], [server('b'), server('a')]), []);
});

test('a server added between runs is reported as added, with what it runs', () => {
  const changes = diffInventory([server('a')], [server('a'), server('b')]);
  assert.equal(changes.length, 1);
  assert.equal(changes[0]?.kind, 'added');
  assert.equal(changes[0].name, 'b');
  assert.deepEqual(changes[0].details, ['npx -y b@1.0.0']);
});

test('a server removed between runs is reported as removed', () => {
  const changes = diffInventory([server('a'), server('b')], [server('a')]);
  assert.deepEqual(
    changes.map((c) => [c.kind, c.name]),
    [['removed', 'b']],
  );
});

test('changed args and env keys are reported per field, without values', () => {
  const old = server('a', { envKeys: ['API_KEY'] });
  const now = server('a', { args: ['-y', 'a@2.0.0'], envKeys: ['API_KEY', 'EXTRA'] });
  const [change] = diffInventory([old], [now]);
  assert.equal(change?.kind, 'changed');
  assert.deepEqual(change.fields, ['args', 'envKeys']);
  assert.deepEqual(change.details, ['args: [-y, a@1.0.0] → [-y, a@2.0.0]', 'env keys: added EXTRA']);
});

test('a URL change on a remote server is reported', () => {
  const old = server('r', { transport: 'http', url: 'https://a.example/mcp', args: [] });
  const now = server('r', { transport: 'http', url: 'https://b.example/mcp', args: [] });
  const [change] = diffInventory([old], [now]);
  assert.deepEqual(change?.fields, ['url']);
});
