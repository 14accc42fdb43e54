import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** Where npm settings are read from; defaults to this process's environment, cwd and home. */
export interface NpmEnvironment {
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
}

/** A registry credential. It prints as `[redacted]` and is sent only to its own host. */
export class RegistryToken {
  readonly #value: string;
  /** `//host[:port]/path/` the token belongs to. */
  readonly scope: string;
  constructor(scope: string, value: string) {
    this.scope = scope;
    this.#value = value;
  }
  /** The `Authorization` header value. */
  header(): string {
    return `Bearer ${this.#value}`;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
}

/** The registry to use for one package, and where that choice came from. */
export interface RegistryConfig {
  /** Base URL, ending with `/`. */
  url: string;
  /** `env npm_config_registry`, `/path/.npmrc`, `default`, or `option`. */
  source: string;
  /** Every `_authToken` configured, matched to a URL by `tokenFor`. */
  tokens: RegistryToken[];
}

type Settings = Map<string, { value: string; source: string }>;

/** `//host[:port]/path/` of a URL, as npm keys credentials. */
export function nerfDart(url: string): string {
  const u = new URL(url);
  const path = u.pathname.endsWith('/') ? u.pathname : u.pathname.replace(/[^/]*$/, '');
  return `//${u.host}${path}`;
}

/** The token configured for `url`: the longest matching `//host/path/` on the same host. */
export function tokenFor(config: RegistryConfig, url: string): RegistryToken | undefined {
  let target: string;
  try {
    target = nerfDart(url);
  } catch {
    return undefined;
  }
  const host = target.slice(2).split('/')[0];
  let best: RegistryToken | undefined;
  for (const token of config.tokens) {
    if (token.scope.slice(2).split('/')[0] !== host || !target.startsWith(token.scope)) continue;
    if (best === undefined || token.scope.length > best.scope.length) best = token;
  }
  return best;
}

function parseNpmrc(
  text: string,
  source: string,
  env: Record<string, string | undefined>,
  into: Settings,
): void {
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]))
      value = value.slice(1, -1);
    const state = { missing: false };
    value = value.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) state.missing = true;
      return found ?? '';
    });
    if (!state.missing && !into.has(key)) into.set(key, { value, source });
  }
}

function readNpmrc(path: string, env: Record<string, string | undefined>, into: Settings): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  parseNpmrc(text.slice(0, 1024 * 1024), path, env, into);
}

function fromEnv(env: Record<string, string | undefined>, into: Settings): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !/^npm_config_/i.test(name)) continue;
    const key = name.slice('npm_config_'.length).toLowerCase();
    if (key === 'registry' || key.endsWith(':registry')) into.set(key, { value, source: `env ${name}` });
  }
}

function normalise(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.endsWith('/') ? u.href : `${u.href}/`;
  } catch {
    return undefined;
  }
}

/**
 * The registry npm would use for `name`: `@scope:registry` or `registry` from, in order,
 * `npm_config_*` environment variables, the project `.npmrc`, the user `.npmrc`
 * (`NPM_CONFIG_USERCONFIG` or `~/.npmrc`), else the public registry. `npm` is not run.
 * The global npmrc and `_auth`/`username` credentials are not read.
 */
export function resolveRegistry(
  name: string,
  environment: NpmEnvironment = {},
  override?: string,
): RegistryConfig {
  const env = environment.env ?? process.env;
  const settings: Settings = new Map();
  fromEnv(env, settings);
  readNpmrc(join(environment.cwd ?? process.cwd(), '.npmrc'), env, settings);
  const userConfig = env.npm_config_userconfig ?? env.NPM_CONFIG_USERCONFIG;
  readNpmrc(userConfig ?? join(environment.home ?? env.HOME ?? homedir(), '.npmrc'), env, settings);
  const tokens: RegistryToken[] = [];
  for (const [key, { value }] of settings) {
    const m = /^(\/\/.+\/):_authToken$/.exec(key);
    if (m?.[1] !== undefined && value !== '') tokens.push(new RegistryToken(m[1], value));
  }
  const overridden = override === undefined ? undefined : normalise(override);
  if (overridden !== undefined) return { url: overridden, source: 'option', tokens };
  const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  for (const key of scope === undefined ? ['registry'] : [`${scope}:registry`, 'registry']) {
    const found = settings.get(key);
    const url = found === undefined ? undefined : normalise(found.value);
    if (found !== undefined && url !== undefined) return { url, source: found.source, tokens };
  }
  return { url: DEFAULT_REGISTRY, source: 'default', tokens };
}

/** A URL fit for messages and logs: no user, password, query or fragment. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '<invalid URL>';
  }
}
