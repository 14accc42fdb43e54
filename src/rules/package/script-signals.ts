import type { Severity } from '../../model/severity.js';

/** How risky one piece of install-time code is, and why, in words that finish "it …". */
export interface Verdict {
  severity: Severity;
  why: string;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The more serious of two verdicts; the first wins a tie. */
export function worse(a: Verdict | undefined, b: Verdict | undefined): Verdict | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[b.severity] > RANK[a.severity] ? b : a;
}

/**
 * Hosts that binary fetchers of honest packages download from: GitHub releases, the npm
 * registry and its mirrors, nodejs.org. Anyone can publish to GitHub or npm, so a download from
 * these is only trusted when nothing else in the code is suspicious.
 */
const RELEASE_HOSTS: readonly string[] = [
  'github.com',
  'objects.githubusercontent.com',
  'release-assets.githubusercontent.com',
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'registry.npmmirror.com',
  'cdn.npmmirror.com',
  'nodejs.org',
];

/** True for a host binary fetchers commonly download releases from. */
export function isReleaseHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return RELEASE_HOSTS.includes(h);
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;

/** IPv4 literals other than loopback and the unspecified address. */
export function ipLiterals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IPV4)) {
    const parts = m.slice(1, 5).map(Number);
    if (parts.some((p) => p > 255)) continue;
    const ip = parts.join('.');
    if (ip === '0.0.0.0' || parts[0] === 127) continue;
    out.push(ip);
  }
  return out;
}

/** Hosts of the URLs written in a shell command (`https://host/…`). */
export function urlHosts(text: string): string[] {
  return [...text.matchAll(/\b(?:https?|ftp|wss?):\/\/(?:[^\s/@'"]*@)?([^\s/:'"?#)]+)/gi)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
}

/** Shell constructs that are evidence of malice: a reverse shell, or a download run as code. */
const SHELL_MALICE: readonly (readonly [RegExp, string])[] = [
  [/\/dev\/(?:tcp|udp)\/[^\s]+[\s\S]*(?:>&|<&|0>&1)|(?:>&|<&)\s*\/dev\/(?:tcp|udp)\//, 'connects a shell to a remote host (reverse shell)'],
  [/(?:^|[\s;&|(])(?:nc|ncat|netcat)\b[^\n;|&]*\s-[ec]\s/, 'gives a remote host a shell through netcat'],
  [/\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/, 'downloads code and runs it in a shell'],
];

/** Shell constructs that have no business in an install script of an honest package. */
const SHELL_THREATS: readonly (readonly [RegExp, string])[] = [
  [/\/dev\/(?:tcp|udp)\//, 'opens a raw network socket through /dev/tcp'],
  [/\b(?:ba|z|da|k)?sh\s+-i\b/, 'starts an interactive shell'],
  [/\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/, 'pipes text into a shell'],
  [/(?:^|[\s;&|(])eval\s/, 'evaluates a string as shell code'],
  [/\b(?:ba|z|da|k)?sh\s+-c\b/, 'runs a shell command string'],
  [/\bnode\s+(?:-e|--eval|-p|--print)\b/, 'runs inline JavaScript'],
  [/\b(?:python3?|perl|ruby|php)\s+-[ce]\b/, 'runs inline code'],
  [/\bbase64\s+(?:-d|-D|--decode)\b/, 'decodes a hidden payload'],
  [
    /\bpowershell(?:\.exe)?\b[^\n]*\s-(?:e|ec|en|enc|encodedcommand)\b/i,
    'runs an encoded PowerShell command',
  ],
  [
    /\b(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm|Invoke-Expression|iex|DownloadString|DownloadFile|Start-BitsTransfer|bitsadmin)\b/i,
    'downloads or runs code through PowerShell',
  ],
  [/\bcertutil\b[^\n]*-urlcache/i, 'downloads with certutil'],
  [/(?:^|[\s;&|(])(?:nc|ncat|netcat|socat|telnet)\s/, 'opens a network connection with netcat'],
];

const DOWNLOADERS = /(?:^|[\s;&|(])(?:curl|wget)\s/;

/**
 * What a shell command written in an install script does that is dangerous, looking only at
 * its text. A reverse shell or a download piped into a shell is critical. A download (`curl`, `wget`) whose every URL is on a release host is medium; any
 * other download, URL or IP address is high. Addresses that are only printed (`echo`) are not.
 */
export function shellTextVerdict(text: string): Verdict | undefined {
  for (const [pattern, why] of SHELL_MALICE) if (pattern.test(text)) return { severity: 'critical', why };
  for (const [pattern, why] of SHELL_THREATS) if (pattern.test(text)) return { severity: 'high', why };
  const spoken = text
    .split(/&&|\|\||;|\n/)
    .filter((segment) => !/^\s*\(?\s*(?:echo|printf)\s/.test(segment))
    .join(' ; ');
  const ips = ipLiterals(spoken);
  if (ips.length > 0) return { severity: 'high', why: `contacts the IP address ${ips[0] ?? ''}` };
  const hosts = urlHosts(spoken);
  const foreign = hosts.find((h) => !isReleaseHost(h));
  if (foreign !== undefined) return { severity: 'high', why: `reaches ${foreign} over the network` };
  if (DOWNLOADERS.test(spoken)) {
    return hosts.length > 0
      ? { severity: 'medium', why: `downloads from ${hosts[0] ?? ''} with curl or wget, unverified` }
      : { severity: 'high', why: 'downloads with curl or wget from an address built at run time' };
  }
  if (hosts.length > 0) return { severity: 'medium', why: `names a download from ${hosts[0] ?? ''}` };
  return undefined;
}
