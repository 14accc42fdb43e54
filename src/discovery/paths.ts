import { posix, win32 } from 'node:path';
import type { Platform } from '../model/server.js';
import type { DiscoverOptions, Env } from './types.js';

/** Every base folder a client's paths are built from, resolved for one platform. */
export interface PathContext {
  platform: Platform;
  home: string;
  join: (...parts: string[]) => string;
  dirname: (path: string) => string;
  sep: string;
  /** An environment variable (case-insensitive on win32); empty values count as unset. */
  env: (name: string) => string | undefined;
  /** A machine-wide path written as on its platform (`/etc/x`, `C:\ProgramData\x`), moved under systemRoot. */
  system: (path: string) => string;
  /** `$XDG_CONFIG_HOME`, default `<home>/.config` (on win32 `%USERPROFILE%\.config`). */
  xdgConfig: string;
  /** `~/Library/Application Support` on darwin. */
  appSupport: string;
  /** win32: `%USERPROFILE%`, else home. */
  profile: string;
  /** win32: `%APPDATA%`, default `<home>\AppData\Roaming`. */
  appData: string;
  /** win32: `%LOCALAPPDATA%`, default `<home>\AppData\Local`. */
  localAppData: string;
  /** win32: `%ProgramData%` under systemRoot. */
  programData: string;
  /** win32: `%ProgramFiles%` under systemRoot. */
  programFiles: string;
}

function envLookup(env: Env, platform: Platform): (name: string) => string | undefined {
  if (platform !== 'win32') {
    return (name) => {
      const value = env[name];
      return value === undefined || value === '' ? undefined : value;
    };
  }
  const lower = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '' && !lower.has(key.toLowerCase()))
      lower.set(key.toLowerCase(), value);
  }
  return (name) => lower.get(name.toLowerCase());
}

function systemMapper(platform: Platform, systemRoot: string | undefined): (path: string) => string {
  if (platform === 'win32') {
    if (systemRoot === undefined) return (path) => win32.normalize(path);
    return (path) => win32.join(systemRoot, path.replace(/^[A-Za-z]:[\\/]*/, ''));
  }
  const root = systemRoot ?? '/';
  return (path) => posix.join(root, path);
}

export function pathContext(options: DiscoverOptions): PathContext {
  const { platform, home } = options;
  const lib = platform === 'win32' ? win32 : posix;
  const env = envLookup(options.env, platform);
  const join = (...parts: string[]): string => lib.join(...parts);
  const system = systemMapper(platform, options.systemRoot);
  const absolute = (value: string | undefined): string | undefined =>
    value !== undefined && lib.isAbsolute(value) ? value : undefined;
  const profile = platform === 'win32' ? (absolute(env('USERPROFILE')) ?? home) : home;
  return {
    platform,
    home,
    join,
    dirname: (path) => lib.dirname(path),
    sep: lib.sep,
    env,
    system,
    xdgConfig: absolute(env('XDG_CONFIG_HOME')) ?? join(profile, '.config'),
    appSupport: join(home, 'Library', 'Application Support'),
    profile,
    appData: absolute(env('APPDATA')) ?? join(home, 'AppData', 'Roaming'),
    localAppData: absolute(env('LOCALAPPDATA')) ?? join(home, 'AppData', 'Local'),
    programData: system(env('ProgramData') ?? 'C:\\ProgramData'),
    programFiles: system(env('ProgramFiles') ?? 'C:\\Program Files'),
  };
}

/**
 * Folders searched for project-scope files: `cwd` and each parent, stopping before `home`
 * (whose dot-folders are user scope) or after the filesystem root.
 */
export function projectDirs(cwd: string | undefined, ctx: PathContext): string[] {
  if (cwd === undefined) return [];
  const lib = ctx.platform === 'win32' ? win32 : posix;
  const same = (a: string, b: string): boolean =>
    ctx.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
  const home = lib.resolve(ctx.home);
  const dirs: string[] = [];
  let dir = lib.resolve(cwd);
  for (;;) {
    if (same(dir, home)) break;
    dirs.push(dir);
    const parent = lib.dirname(dir);
    if (same(parent, dir)) break;
    dir = parent;
  }
  return dirs;
}
