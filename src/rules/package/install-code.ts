import type { LoadedPackage } from '../../model/package.js';
import { fileText } from './context.js';
import { ipLiterals, isReleaseHost, type Verdict } from './script-signals.js';

const MAX_FILES = 12;
const NETWORK_MODULES =
  /(?:require\s*\(\s*|from\s+|import\s*\(\s*|import\s+)['"](?:node:)?(https?|http2|net|tls|dgram|dns)['"]/;
const NETWORK_CALLS = /\b(?:fetch|XMLHttpRequest|WebSocket)\s*\(|\bnew\s+(?:XMLHttpRequest|WebSocket)\b/;
const PROCESS_MODULE = /(?:require\s*\(\s*|from\s+|import\s*\(\s*|import\s+)['"](?:node:)?child_process['"]/;
const RELATIVE_IMPORTS = /(?:require\s*\(\s*|from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const QUOTED_URL = /['"`](?:https?|wss?|ftp):\/\/(?:[^\s/@'"`]*@)?([^\s/:'"`?#$]+)/gi;
const HOST_OPTION = /\bhost(?:name)?\s*:\s*['"]([^'"]+)['"]/g;
/** Escapes of printable ASCII (`\x68`, `\u0068`): text written so that it cannot be read or searched. */
const ESCAPES = /\\x([2-7][0-9a-fA-F])|\\u00([2-7][0-9a-fA-F])/g;

/** Signals that install-time code is doing more than fetching or building a binary. */
const CODE_THREATS: readonly (readonly [RegExp, string])[] = [
  [/\/dev\/(?:tcp|udp)\//, 'opens a raw network socket through /dev/tcp'],
  [/\b(?:ba|z|da)?sh\s+-i\b/, 'starts an interactive shell'],
  [/authorized_keys|\bid_(?:rsa|ed25519|ecdsa)\b|\.ssh[\\/]/, 'touches SSH keys'],
  [/\.npmrc\b|\.aws[\\/]credentials|\.docker[\\/]config\.json/, 'reads credential files'],
  [
    /\bos\.(?:hostname|userInfo|networkInterfaces)\s*\(|\b(?:hostname|userInfo|networkInterfaces)\s*\(\s*\)/,
    'collects details of the machine',
  ],
  [/\beval\s*\(|\bnew\s+Function\s*\(/, 'evaluates code built at run time'],
  [/\bBuffer\.from\s*\([^()]*,\s*['"]base64['"]\s*\)|\batob\s*\(/, 'decodes base64 at install time'],
];

function resolve(pkg: LoadedPackage, from: string, spec: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const piece of spec.split('/')) {
    if (piece === '.' || piece === '') continue;
    if (piece === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(piece);
  }
  const base = parts.join('/');
  const paths = new Set(pkg.files.map((f) => f.path));
  return [base, `${base}.js`, `${base}.cjs`, `${base}.mjs`, `${base}/index.js`].find((p) => paths.has(p));
}

/** The package file a `node <arg>` command runs, resolved like node does for a relative path. */
export function scriptFile(pkg: LoadedPackage, arg: string): string | undefined {
  if (arg.startsWith('/') || /^[A-Za-z]:[\\/]/.test(arg)) return undefined;
  return resolve(pkg, 'package.json', arg.startsWith('.') ? arg : `./${arg}`);
}

/** The entry file and the package files it imports by relative path, a bounded number of them. */
function sources(pkg: LoadedPackage, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const texts: string[] = [];
  while (queue.length > 0 && texts.length < MAX_FILES) {
    const path = queue.shift() ?? '';
    const text = fileText(pkg, path) ?? '';
    texts.push(text);
    for (const m of text.matchAll(RELATIVE_IMPORTS)) {
      const next = resolve(pkg, path, m[1] ?? '');
      if (next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return texts;
}

/**
 * What a JavaScript file run at install time does, from its tokens (and those of the files it
 * imports). Network use with every literal address on a release host is a binary fetcher (info);
 * network use towards another host, an IP address, or beside a threat signal is high.
 */
export function codeVerdict(pkg: LoadedPackage, entry: string): Verdict {
  const text = sources(pkg, entry).join('\n');
  const network = NETWORK_MODULES.test(text) || NETWORK_CALLS.test(text);
  const spawns = PROCESS_MODULE.test(text);
  const hosts = [
    ...[...text.matchAll(QUOTED_URL)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(HOST_OPTION)].map((m) => m[1] ?? ''),
  ].map((h) => h.toLowerCase());
  const escapes = (text.match(ESCAPES) ?? []).length;
  if (escapes >= 20)
    return { severity: 'high', why: `runs ${entry}, which hides its strings in ${escapes} escape sequences` };
  if (network || spawns) {
    for (const [pattern, why] of CODE_THREATS) {
      if (pattern.test(text))
        return { severity: 'high', why: `runs ${entry}, which ${why} and can reach the network or a shell` };
    }
    const ip = ipLiterals(text)[0];
    if (ip !== undefined)
      return { severity: 'high', why: `runs ${entry}, which contacts the IP address ${ip}` };
    const foreign = hosts.find((h) => h !== 'localhost' && !isReleaseHost(h));
    if (foreign !== undefined) return { severity: 'high', why: `runs ${entry}, which contacts ${foreign}` };
  }
  if (network) {
    return hosts.length > 0
      ? { severity: 'info', why: `runs ${entry}, which fetches a prebuilt binary from ${hosts[0] ?? ''}` }
      : {
          severity: 'medium',
          why: `runs ${entry}, which uses the network towards an address built at run time`,
        };
  }
  if (spawns) return { severity: 'low', why: `runs ${entry}, which starts other programs` };
  return { severity: 'info', why: `runs ${entry}, which neither uses the network nor starts programs` };
}
