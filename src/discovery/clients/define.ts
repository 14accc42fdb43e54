import type { ConfigFormat } from '../../model/discovery.js';
import type { Scope } from '../../model/server.js';
import type { PathContext } from '../paths.js';
import type { ClientLocation, ShapeId } from '../types.js';

/** Where one client keeps its MCP configuration. */
export interface ClientDefinition {
  id: string;
  /** User, managed, plugin and extension locations on this machine. */
  machine(ctx: PathContext): ClientLocation[];
  /** Project-scope locations in one folder of the walk-up; `isCwd` for files read only in cwd itself. */
  project?(dir: string, ctx: PathContext, isCwd: boolean): ClientLocation[];
}

export function file(
  client: string,
  scope: Scope,
  path: string,
  shape: ShapeId,
  format: ConfigFormat = 'json',
): ClientLocation {
  return { client, scope, kind: 'file', path, format, shape };
}

/** A folder walked for files matching `pattern` (see `fs/walk.ts`); format from the file's extension when absent. */
export function glob(
  client: string,
  scope: Scope,
  base: string,
  pattern: string,
  shape: ShapeId,
  format?: ConfigFormat,
): ClientLocation {
  const location: ClientLocation = { client, scope, kind: 'glob', path: base, pattern, shape };
  if (format !== undefined) location.format = format;
  return location;
}

/** The VS Code-style `User` folder of a product (`Code`, `Code - Insiders`, `Cursor`). */
export function codeUserDir(ctx: PathContext, product: string): string {
  switch (ctx.platform) {
    case 'darwin':
      return ctx.join(ctx.appSupport, product, 'User');
    case 'win32':
      return ctx.join(ctx.appData, product, 'User');
    case 'linux':
      return ctx.join(ctx.xdgConfig, product, 'User');
  }
}

/** `$VSCODE_PORTABLE/user-data/User` when VS Code runs in portable mode. */
export function portableUserDir(ctx: PathContext): string | undefined {
  const portable = ctx.env('VSCODE_PORTABLE');
  return portable === undefined ? undefined : ctx.join(portable, 'user-data', 'User');
}

/** Unique by path, keeping the first (a path reached twice, e.g. XDG pointing at the default). */
export function uniqueLocations(locations: ClientLocation[]): ClientLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.client}\u0000${l.kind}\u0000${l.path}\u0000${l.pattern ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
