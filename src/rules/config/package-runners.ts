import type { Server } from '../../model/server.js';
import { invocations, programName, type Word } from './command-line.js';

export type Ecosystem = 'npm' | 'pypi' | 'docker';

/** A package (or image) a server fetches and runs through a runner such as `npx` or `uvx`. */
export interface PackageRun {
  ecosystem: Ecosystem;
  /** `npx`, `bunx`, `pnpm dlx`, `yarn dlx`, `npm exec`, `uvx`, `pipx run`, `docker run`, `node`. */
  runner: string;
  /** The spec as written: `@scope/name@^1`, `mcp-server-git==1.0`, `ghcr.io/x/y:1.2`. */
  spec: string;
  /** The package or image name without version, tag or digest. */
  name: string;
  /** Version, tag or digest as written, when there is one. */
  version?: string;
  /** True when the spec names one exact immutable version (exact semver, `==`, image digest, git commit). */
  pinned: boolean;
  source: 'registry' | 'local' | 'url' | 'git';
  word: Word;
}

const EXACT_SEMVER = /^v?=?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const GIT_COMMIT = /#(?:commit=)?[0-9a-f]{40}$|@[0-9a-f]{40}$/;
const LOCAL = /^(?:\.{1,2}(?:[\\/]|$)|[/~\\]|[A-Za-z]:[\\/]|file:|\$\{?(?:HOME|PWD|workspaceFolder)\b)/;

/** Reads `npm` specs: `name`, `name@1.2.3`, `@scope/name@latest`, `github:u/r#sha`, `./dir`. */
export function parseNpmSpec(spec: string, runner: string, word: Word): PackageRun {
  const base = { ecosystem: 'npm' as const, runner, spec, word };
  if (LOCAL.test(spec)) return { ...base, name: spec, pinned: false, source: 'local' };
  if (/^https?:\/\//i.test(spec)) return { ...base, name: spec, pinned: false, source: 'url' };
  if (
    /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/i.test(spec) ||
    /^[^@/\s]+\/[^@/\s]+(?:#.*)?$/.test(spec)
  ) {
    return { ...base, name: spec.replace(/#.*$/, ''), pinned: GIT_COMMIT.test(spec), source: 'git' };
  }
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at < 0) return { ...base, name: spec, pinned: false, source: 'registry' };
  const version = spec.slice(at + 1);
  return {
    ...base,
    name: spec.slice(0, at),
    version,
    pinned: EXACT_SEMVER.test(version),
    source: 'registry',
  };
}

/** Reads PyPI specs as `uvx`/`pipx` take them: `name`, `name==1.2`, `name@1.2`, `name[extra]>=1`. */
export function parsePypiSpec(spec: string, runner: string, word: Word): PackageRun {
  const base = { ecosystem: 'pypi' as const, runner, spec, word };
  if (LOCAL.test(spec)) return { ...base, name: spec, pinned: false, source: 'local' };
  if (/^git\+/i.test(spec) || /\s@\s*git\+/.test(spec)) {
    return { ...base, name: spec, pinned: /@[0-9a-f]{40}(?:#.*)?$/.test(spec), source: 'git' };
  }
  if (/^https?:\/\//i.test(spec)) return { ...base, name: spec, pinned: false, source: 'url' };
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(.*)$/.exec(spec);
  const name = m?.[1] ?? spec;
  const rest = (m?.[2] ?? '').trim();
  if (rest === '') return { ...base, name, pinned: false, source: 'registry' };
  const exact = /^(?:===?|@)\s*([0-9][0-9A-Za-z.+!-]*)$/.exec(rest);
  const version = exact?.[1] ?? rest.replace(/^@/, '');
  return { ...base, name, version, pinned: exact !== null, source: 'registry' };
}

/** Reads image references: `name`, `name:tag`, `registry:5000/ns/name:tag@sha256:…`. */
export function parseImage(spec: string, runner: string, word: Word): PackageRun {
  const base = { ecosystem: 'docker' as const, runner, spec, word, source: 'registry' as const };
  const digestAt = spec.indexOf('@');
  const digest = digestAt >= 0 ? spec.slice(digestAt + 1) : undefined;
  const ref = digestAt >= 0 ? spec.slice(0, digestAt) : spec;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const tag = colon > slash ? ref.slice(colon + 1) : undefined;
  const name = colon > slash ? ref.slice(0, colon) : ref;
  const pinned = digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(digest);
  const version = digest ?? tag;
  return version === undefined ? { ...base, name, pinned } : { ...base, name, version, pinned };
}

interface OptionSpec {
  /** Options that take a value in the next word (or after `=`). */
  valued: ReadonlySet<string>;
  /** Options whose value is itself a package spec. */
  packageOptions: ReadonlySet<string>;
  /** With `valued` = everything not listed here (docker), the flags that take no value. */
  booleans?: ReadonlySet<string>;
}

interface ParsedOptions {
  options: { name: string; value?: string; word: Word; valueWord?: Word }[];
  positionals: Word[];
}

/** A flag that takes no value: listed, or a group of listed one-letter flags (`-it`). */
function isBooleanFlag(text: string, booleans: ReadonlySet<string>): boolean {
  if (booleans.has(text)) return true;
  if (!/^-[a-zA-Z]{2,}$/.test(text)) return false;
  return text
    .slice(1)
    .split('')
    .every((c) => booleans.has(`-${c}`));
}

/** Reads `--flag`, `--flag value`, `--flag=value`, `-f value` up to the first positional. */
function readOptions(words: Word[], spec: OptionSpec): ParsedOptions {
  const options: ParsedOptions['options'] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (!word) break;
    const text = word.text;
    if (text === '--') {
      i++;
      break;
    }
    if (!text.startsWith('-') || text === '-') break;
    const eq = text.indexOf('=');
    if (text.startsWith('--') && eq > 0) {
      options.push({ name: text.slice(0, eq), value: text.slice(eq + 1), word, valueWord: word });
      i++;
      continue;
    }
    const takesValue = spec.booleans ? !isBooleanFlag(text, spec.booleans) : spec.valued.has(text);
    const next = words[i + 1];
    if (takesValue && next) {
      options.push({ name: text, value: next.text, word, valueWord: next });
      i += 2;
    } else {
      options.push({ name: text, word });
      i++;
    }
  }
  return { options, positionals: words.slice(i) };
}

const NPX: OptionSpec = {
  valued: new Set([
    '-p',
    '--package',
    '-c',
    '--call',
    '--registry',
    '--cache',
    '--userconfig',
    '--loglevel',
    '-w',
    '--workspace',
    '--prefix',
    '--node-options',
    '--script-shell',
    '--shell',
  ]),
  packageOptions: new Set(['-p', '--package']),
};
const BUNX: OptionSpec = {
  valued: new Set(['-p', '--package', '--registry', '--cwd']),
  packageOptions: new Set(['-p', '--package']),
};
const DLX: OptionSpec = {
  valued: new Set(['-p', '--package', '--allow-build', '--reporter', '-C', '--dir', '--registry']),
  packageOptions: new Set(['-p', '--package']),
};
const UVX: OptionSpec = {
  valued: new Set([
    '--from',
    '--with',
    '-w',
    '--with-editable',
    '--with-requirements',
    '--python',
    '-p',
    '--index',
    '--index-url',
    '-i',
    '--extra-index-url',
    '--default-index',
    '--find-links',
    '-f',
    '--directory',
    '--project',
    '--cache-dir',
    '--config-file',
    '--env-file',
    '--refresh-package',
    '--reinstall-package',
    '--upgrade-package',
    '-P',
    '--exclude-newer',
    '--index-strategy',
    '--keyring-provider',
    '--resolution',
    '--prerelease',
    '--link-mode',
    '--color',
    '--python-platform',
    '--constraints',
    '-c',
    '--overrides',
    '--build-constraints',
    '--torch-backend',
    '--allow-insecure-host',
  ]),
  packageOptions: new Set(['--from']),
};
const PIPX: OptionSpec = {
  valued: new Set(['--spec', '--python', '--pip-args', '--index-url', '-i', '--path', '--fetch-python']),
  packageOptions: new Set(['--spec']),
};
/** `docker run` flags that take no value; every other option does. */
export const DOCKER_RUN: OptionSpec = {
  valued: new Set(),
  packageOptions: new Set(),
  booleans: new Set([
    '-d',
    '--detach',
    '-i',
    '--interactive',
    '-t',
    '--tty',
    '--rm',
    '--privileged',
    '--read-only',
    '-P',
    '--publish-all',
    '--init',
    '--no-healthcheck',
    '--oom-kill-disable',
    '--sig-proxy',
    '--disable-content-trust',
    '-q',
    '--quiet',
    '--help',
    '--use-api-socket',
    '--replace',
    '--tls-verify',
    '--http-proxy',
    '--no-hosts',
    '--read-only-tmpfs',
  ]),
};
const DOCKER_GLOBAL: ReadonlySet<string> = new Set([
  '-c',
  '--context',
  '-H',
  '--host',
  '--config',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  '--connection',
  '--url',
  '--identity',
  '--root',
  '--runroot',
]);

function packagesFrom(
  rest: Word[],
  spec: OptionSpec,
  runner: string,
  parse: (spec: string, runner: string, word: Word) => PackageRun,
  earlier: ParsedOptions['options'] = [],
): PackageRun[] {
  const { options, positionals } = readOptions(rest, spec);
  const all = [...earlier, ...options];
  const fromOptions = all.flatMap((o) =>
    spec.packageOptions.has(o.name) && o.value !== undefined && o.valueWord
      ? [{ value: o.value, word: o.valueWord }]
      : [],
  );
  if (fromOptions.length > 0) return fromOptions.map((o) => parse(o.value, runner, o.word));
  if (runner !== 'uvx' && all.some((o) => o.name === '-c' || o.name === '--call')) return [];
  const first = positionals[0];
  return first ? [parse(first.text, runner, first)] : [];
}

/** The words after a sub-command such as `dlx` or `exec`, skipping options before it. */
function afterSubcommand(words: Word[], names: readonly string[]): Word[] | undefined {
  for (let i = 1; i < words.length; i++) {
    const text = words[i]?.text ?? '';
    if (names.includes(text)) return words.slice(i + 1);
    if (!text.startsWith('-')) return undefined;
  }
  return undefined;
}

/** The image `docker run` starts and its parsed options, for docker, podman and nerdctl. */
export interface DockerRun {
  runner: string;
  options: ParsedOptions['options'];
  image?: PackageRun;
}

export function dockerRun(words: Word[]): DockerRun | undefined {
  const first = words[0];
  if (!first) return undefined;
  const runner = programName(first.text);
  if (!['docker', 'podman', 'nerdctl', 'finch'].includes(runner)) return undefined;
  let i = 1;
  while (i < words.length && (words[i]?.text ?? '').startsWith('-'))
    i += DOCKER_GLOBAL.has(words[i]?.text ?? '') ? 2 : 1;
  if (words[i]?.text === 'container') i++;
  if (words[i]?.text !== 'run') return undefined;
  const { options, positionals } = readOptions(words.slice(i + 1), DOCKER_RUN);
  const imageWord = positionals[0];
  const run: DockerRun = { runner: `${runner} run`, options };
  if (imageWord) run.image = parseImage(imageWord.text, `${runner} run`, imageWord);
  return run;
}

/** `node …/node_modules/<pkg>/…` runs an installed package by path. */
function nodeModulesPackage(words: Word[]): PackageRun[] {
  for (const word of words) {
    const m = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(word.text);
    const name = m?.[1]?.replace(/\\/g, '/');
    if (name !== undefined)
      return [{ ecosystem: 'npm', runner: 'node', spec: name, name, pinned: true, source: 'local', word }];
  }
  return [];
}

/** Every package or image one simple command fetches and runs. */
export function packagesInCommand(words: Word[]): PackageRun[] {
  const first = words[0];
  if (!first) return [];
  const program = programName(first.text);
  const rest = words.slice(1);
  switch (program) {
    case 'npx':
      return packagesFrom(rest, NPX, 'npx', parseNpmSpec);
    case 'bunx':
      return packagesFrom(rest, BUNX, 'bunx', parseNpmSpec);
    case 'pnpx':
      return packagesFrom(rest, DLX, 'pnpm dlx', parseNpmSpec);
    case 'bun': {
      const after = afterSubcommand(words, ['x']);
      return after ? packagesFrom(after, BUNX, 'bunx', parseNpmSpec) : nodeModulesPackage(rest);
    }
    case 'npm': {
      const after = afterSubcommand(words, ['exec', 'x']);
      return after ? packagesFrom(after, NPX, 'npm exec', parseNpmSpec) : [];
    }
    case 'pnpm':
    case 'yarn': {
      const at = words.findIndex((w, i) => i > 0 && w.text === 'dlx');
      if (at < 0) return [];
      const earlier = readOptions(words.slice(1, at), DLX).options;
      return packagesFrom(words.slice(at + 1), DLX, `${program} dlx`, parseNpmSpec, earlier);
    }
    case 'uvx':
      return packagesFrom(rest, UVX, 'uvx', parsePypiSpec);
    case 'uv': {
      const after = afterSubcommand(words, ['tool']);
      if (after?.[0]?.text !== 'run') return [];
      return packagesFrom(after.slice(1), UVX, 'uvx', parsePypiSpec);
    }
    case 'pipx': {
      const after = afterSubcommand(words, ['run']);
      return after ? packagesFrom(after, PIPX, 'pipx run', parsePypiSpec) : [];
    }
    case 'node':
      return nodeModulesPackage(rest);
    default: {
      const docker = dockerRun(words);
      return docker?.image ? [docker.image] : [];
    }
  }
}

/** Every package or image a server fetches and runs, through any shell wrapper. */
export function packagesRun(server: Server): PackageRun[] {
  return invocations(server).flatMap(packagesInCommand);
}
