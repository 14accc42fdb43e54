import type { Position, Server } from '../../src/model/server.js';

export type ServerInput = Partial<Omit<Server, 'id'>> & { name?: string };

/**
 * Field positions as they fall in a pretty-printed `.mcp.json` with this one entry:
 * the entry opens on line 3, then `command`, `args` (one per line), `env`, `headers`, `url`.
 */
export function layoutPositions(
  server: Omit<Server, 'id' | 'fieldPositions' | 'position'>,
): Record<string, Position> {
  const positions: Record<string, Position> = {};
  let line = 4;
  if (server.command !== undefined) positions.command = { line: line++, column: 18 };
  if (server.args.length > 0) {
    line++;
    server.args.forEach((_, i) => (positions[`args.${i}`] = { line: line++, column: 9 }));
    line++;
  }
  for (const group of ['env', 'headers'] as const) {
    const keys = Object.keys(server[group]);
    if (keys.length === 0) continue;
    line++;
    for (const key of keys) positions[`${group}.${key}`] = { line: line++, column: 11 + key.length };
    line++;
  }
  if (server.url !== undefined) positions.url = { line: line++, column: 14 };
  return positions;
}

/** A Server with sensible defaults: a stdio entry in a project `.mcp.json` (http when `url` is set). */
export function makeServer(input: ServerInput = {}): Server {
  const name = input.name ?? 'test-server';
  const client = input.client ?? 'claude-code';
  const configPath = input.configPath ?? '/work/project/.mcp.json';
  const base: Omit<Server, 'id' | 'fieldPositions' | 'position'> = {
    client,
    scope: input.scope ?? 'project',
    configPath,
    name,
    transport: input.transport ?? (input.url !== undefined ? 'http' : 'stdio'),
    args: input.args ?? [],
    env: input.env ?? {},
    headers: input.headers ?? {},
    enabled: input.enabled ?? true,
  };
  if (input.command !== undefined) base.command = input.command;
  if (input.url !== undefined) base.url = input.url;
  if (input.project !== undefined) base.project = input.project;
  return {
    ...base,
    id: `${client}|${configPath}|${input.project ?? ''}|${name}`,
    position: input.position ?? { line: 3, column: 5 },
    fieldPositions: input.fieldPositions ?? layoutPositions(base),
  };
}
