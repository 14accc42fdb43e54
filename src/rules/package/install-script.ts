import type { LoadedPackage } from '../../model/package.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { fileText, manifestHit, manifestRecord, type PackageRuleContext } from './context.js';
import { codeVerdict, scriptFile } from './install-code.js';
import { shellTextVerdict, worse, type Verdict } from './script-signals.js';

/** Lifecycle scripts npm runs when the package is installed from a registry. `prepare` is not one. */
const INSTALL_HOOKS = ['preinstall', 'install', 'postinstall'] as const;
const MAX_DEPTH = 3;

/** Commands that only build or set up the package, run by many honest native and TypeScript packages. */
const BUILD_COMMANDS: ReadonlySet<string> = new Set([
  'node-gyp',
  'node-gyp-build',
  'node-gyp-build-optional-packages',
  'prebuild-install',
  'node-pre-gyp',
  'cmake-js',
  'tsc',
  'husky',
  'patch-package',
  'electron-rebuild',
  'opencollective-postinstall',
  'is-ci',
  'echo',
  'exit',
  'true',
]);
const RUNNERS: ReadonlySet<string> = new Set(['npx', 'pnpx', 'bunx']);
const PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash']);

type Scripts = Record<string, unknown>;

/** The words of one command, without leading `VAR=value`, `cross-env` or `npx` flags. */
function commandWords(segment: string): string[] {
  const words = segment.replace(/[()]/g, ' ').trim().split(/\s+/).filter(Boolean);
  for (;;) {
    const first = words[0];
    if (first === undefined) return words;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first) || first === 'cross-env' || RUNNERS.has(first)) words.shift();
    else if (first.startsWith('-') && words.length > 1) words.shift();
    else return words;
  }
}

function shellFileVerdict(pkg: LoadedPackage, scripts: Scripts, path: string, depth: number): Verdict {
  const file = scriptFile(pkg, path);
  const text = file === undefined ? undefined : fileText(pkg, file);
  if (file === undefined || text === undefined) {
    return { severity: 'medium', why: `runs the shell script ${path}, which is not in the package` };
  }
  const lines = text.split(/\r?\n/).filter((l) => !/^\s*(?:#|$)/.test(l));
  const inner = textVerdict(pkg, scripts, lines.join(' ; '), depth + 1);
  return inner.severity === 'info'
    ? inner
    : { severity: inner.severity, why: `runs ${file}, which ${inner.why}` };
}

function segmentVerdict(
  pkg: LoadedPackage,
  scripts: Scripts,
  segment: string,
  depth: number,
): Verdict | undefined {
  const words = commandWords(segment);
  const [command, ...args] = words;
  if (command === undefined) return undefined;
  if (BUILD_COMMANDS.has(command)) return { severity: 'info', why: `only builds (${truncateWords(words)})` };
  if (command === 'prisma' && args[0] === 'generate')
    return { severity: 'info', why: 'only builds (prisma generate)' };
  if (PACKAGE_MANAGERS.has(command)) {
    const name =
      args[0] === 'run' || args[0] === 'run-script' ? args[1] : command === 'npm' ? undefined : args[0];
    const target = name === undefined ? undefined : scripts[name];
    if (typeof target === 'string' && depth < MAX_DEPTH) {
      const inner = textVerdict(pkg, scripts, target, depth + 1);
      return inner.severity === 'info'
        ? inner
        : { severity: inner.severity, why: `runs "${name ?? ''}", which ${inner.why}` };
    }
    return { severity: 'low', why: `runs \`${truncateWords(words)}\`, which is not a known build step` };
  }
  if (command === 'node') {
    const file = args.find((a) => !a.startsWith('-'));
    if (file === undefined) return { severity: 'low', why: 'runs node without a file' };
    const path = scriptFile(pkg, file);
    if (path === undefined) return { severity: 'low', why: `runs ${file}, which is not in the package` };
    return codeVerdict(pkg, path);
  }
  if (SHELLS.has(command) && args[0] !== undefined && !args[0].startsWith('-')) {
    return depth < MAX_DEPTH ? shellFileVerdict(pkg, scripts, args[0], depth) : undefined;
  }
  if (/^\.{0,2}\/?[\w./-]+\.(?:sh|bash)$/.test(command)) {
    return depth < MAX_DEPTH ? shellFileVerdict(pkg, scripts, command, depth) : undefined;
  }
  return { severity: 'low', why: `runs \`${truncateWords(words)}\`, which is not a known build step` };
}

function truncateWords(words: readonly string[]): string {
  const text = words.join(' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The verdict on one script text: its shell text first, then each command in it. */
function textVerdict(pkg: LoadedPackage, scripts: Scripts, text: string, depth: number): Verdict {
  let verdict = shellTextVerdict(text);
  if (verdict?.severity === 'high' || verdict?.severity === 'critical') return verdict;
  for (const segment of text.split(/&&|\|\||;|\||\n/)) {
    verdict = worse(verdict, segmentVerdict(pkg, scripts, segment, depth));
  }
  return verdict ?? { severity: 'info', why: 'does nothing' };
}

export const installScript = defineRule<PackageRuleContext>({
  id: 'package/install-script',
  meta: {
    title: 'Package runs code when it is installed',
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-506', 'CWE-829'],
    description:
      'Finds `preinstall`, `install` and `postinstall` scripts, which npm runs on every install from a ' +
      'registry before anyone has looked at the code (`prepare` does not run on registry installs and is ' +
      'not reported). A script that reaches the network or a shell in a risky way (`curl`, `wget`, ' +
      'PowerShell downloads, `nc`, `/dev/tcp`, `sh -c`, `eval`, `node -e`, a URL or an IP address, or a ' +
      '`node <file>` whose file contacts a host that is not a release host, hides strings, or touches SSH ' +
      'keys) is high: `@lanyer640/mcp-runcommand-server` opened a reverse shell from `preinstall`, and ' +
      '`mcp-server-figma` and `polymarket-mcp-v2` ran payloads from `postinstall`. Scripts that only build ' +
      '(`node-gyp rebuild`, `prebuild-install`, `tsc`) or fetch a prebuilt binary from GitHub releases or ' +
      'the npm registry are reported as info, other commands as low.',
    remediation:
      'Read the script and any file it runs before installing. Install with `--ignore-scripts` where the ' +
      'package works without them. If the script is an intended build step, record an allowlist entry ' +
      'with the reason.',
    references: [
      'https://docs.npmjs.com/cli/using-npm/scripts#life-cycle-scripts',
      'https://osv.dev/vulnerability/MAL-2025-47838',
      'https://osv.dev/vulnerability/MAL-2026-5477',
      'https://osv.dev/vulnerability/MAL-2026-10481',
    ],
  },
  check({ pkg }) {
    const scripts = manifestRecord(pkg, 'scripts');
    if (scripts === undefined) return [];
    const hits: RuleHit[] = [];
    for (const hook of INSTALL_HOOKS) {
      const text = scripts[hook];
      if (typeof text !== 'string' || text.trim() === '') continue;
      const verdict = textVerdict(pkg, scripts, text, 0);
      hits.push(
        manifestHit(
          pkg,
          ['scripts', hook],
          `The "${hook}" script runs on install and ${verdict.why}.`,
          text,
          verdict.severity,
        ),
      );
    }
    return hits;
  },
});
