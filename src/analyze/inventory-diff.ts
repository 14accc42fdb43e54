import type { PublicServer } from '../model/server.js';
import type { InventoryChange } from '../model/report.js';

const COMPARED = ['transport', 'command', 'args', 'url', 'envKeys', 'headerKeys', 'enabled'] as const;
type Compared = (typeof COMPARED)[number];

function show(server: PublicServer, field: Compared): string {
  const value = server[field];
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.join(', ')}]`;
  return String(value);
}

function listDelta(before: readonly string[], after: readonly string[]): string {
  const added = after.filter((k) => !before.includes(k));
  const removed = before.filter((k) => !after.includes(k));
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${added.join(', ')}`);
  if (removed.length > 0) parts.push(`removed ${removed.join(', ')}`);
  return parts.join('; ');
}

function describe(field: Compared, before: PublicServer, after: PublicServer): string {
  if (field === 'envKeys' || field === 'headerKeys') {
    const label = field === 'envKeys' ? 'env keys' : 'header keys';
    return `${label}: ${listDelta(before[field], after[field])}`;
  }
  return `${field}: ${show(before, field)} → ${show(after, field)}`;
}

function same(field: Compared, a: PublicServer, b: PublicServer): boolean {
  return JSON.stringify(a[field]) === JSON.stringify(b[field]);
}

function base(kind: InventoryChange['kind'], server: PublicServer): InventoryChange {
  return {
    kind,
    serverId: server.id,
    client: server.client,
    name: server.name,
    configPath: server.configPath,
    fields: [],
    details: [],
  };
}

/**
 * What changed between two inventories: servers added, removed, or whose command, args,
 * URL, transport, enabled state, env keys or header keys differ. Values of env vars and
 * headers are not part of a PublicServer, so they can never appear in a change.
 */
export function diffInventory(
  previous: readonly PublicServer[],
  current: readonly PublicServer[],
): InventoryChange[] {
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(current.map((s) => [s.id, s]));
  const changes: InventoryChange[] = [];
  for (const [id, server] of after) {
    const old = before.get(id);
    if (!old) {
      const change = base('added', server);
      change.details.push(server.url ?? [server.command ?? '', ...server.args].join(' ').trim());
      changes.push(change);
      continue;
    }
    const fields = COMPARED.filter((f) => !same(f, old, server));
    if (fields.length > 0) {
      const change = base('changed', server);
      change.fields.push(...fields);
      change.details.push(...fields.map((f) => describe(f, old, server)));
      changes.push(change);
    }
  }
  for (const [id, server] of before) {
    if (!after.has(id)) changes.push(base('removed', server));
  }
  const order = { added: 0, changed: 1, removed: 2 } as const;
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.serverId.localeCompare(b.serverId));
}
