import type { Server } from '../../model/server.js';
import type { Severity } from '../../model/severity.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { invocations, programName } from './command-line.js';
import { packagesRun } from './package-runners.js';
import { remoteUrls } from './plain-http-remote.js';
import { KNOWN_NPM_SERVERS } from './known-packages.js';

interface Identity {
  key: string;
  /** Printable, secrets masked. */
  label: string;
  kind: 'url' | 'package' | 'command';
  /** What the name should be visible in when the entry is what it claims: package names, a registrable domain, a script path. */
  origin: string;
  /** npm packages run, when the entry runs npm packages. */
  npm: string[];
  /** A local script kept in a hidden or temporary folder. */
  hiddenScript: boolean;
}

function normalUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '').replace(/\/(?:sse|mcp)$/i, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}`;
  } catch {
    return url.trim();
  }
}

/** Second-level labels under which names are registered (co.uk, com.au…). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or']);

/** The registrable part of a host name (approximate public suffix handling), or the IP literal. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return labels.join('.');
  const keep =
    SECOND_LEVEL.has(labels[labels.length - 2] ?? '') && (labels[labels.length - 1]?.length ?? 0) === 2
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/** PEP 503 name normalisation for PyPI; npm names are compared as written (lower-cased). */
function packageKey(ecosystem: string, name: string): string {
  const lower = name.toLowerCase();
  return `${ecosystem}:${ecosystem === 'pypi' ? lower.replace(/[-_.]+/g, '-') : lower}`;
}

const HIDDEN_DIR = /(?:^|[\\/])(?:\.[^\\/.][^\\/]*|tmp|temp|\$tmpdir)[\\/]/i;

/**
 * What a server entry really points at, ignoring versions, runner flags and shell wrappers:
 * a remote URL (also behind `mcp-remote`), the packages or images it runs, or its program and script.
 */
export function serverIdentity(server: Server): Identity | undefined {
  const remote = remoteUrls(server)[0];
  if (remote) {
    let origin = remote.url.toLowerCase();
    try {
      origin = registrableDomain(new URL(remote.url).hostname);
    } catch {
      // keep the raw URL
    }
    return {
      key: `url:${normalUrl(remote.url)}`,
      label: maskedEvidence(remote.url),
      kind: 'url',
      origin,
      npm: [],
      hiddenScript: false,
    };
  }
  const runs = packagesRun(server).filter((p) => p.source !== 'local' || p.runner === 'node');
  if (runs.length > 0) {
    const keys = [...new Set(runs.map((p) => packageKey(p.ecosystem, p.name)))].sort();
    const kind = runs[0]?.ecosystem === 'docker' ? 'image' : `${runs[0]?.ecosystem ?? ''} package`;
    const local = runs.some((p) => p.source === 'local');
    return {
      key: keys.join('+'),
      label: `${kind} "${maskedEvidence(runs.map((p) => p.name).join('", "'))}"`,
      kind: local ? 'command' : 'package',
      origin: runs.map((p) => p.name.toLowerCase()).join(' '),
      npm: runs.filter((p) => p.ecosystem === 'npm' && p.source !== 'local').map((p) => p.name.toLowerCase()),
      hiddenScript: local && runs.some((p) => HIDDEN_DIR.test(p.name)),
    };
  }
  const words = invocations(server)[0];
  const first = words?.[0];
  if (!words || !first) return undefined;
  const program = programName(first.text).replace(/[\d.]+$/, '');
  const script = words.slice(1).find((w) => !w.text.startsWith('-'))?.text ?? '';
  return {
    key: `cmd:${program} ${script}`.trim(),
    label: `command "${maskedEvidence(`${first.text} ${script}`.trim())}"`,
    kind: 'command',
    origin: `${first.text} ${script}`.toLowerCase(),
    npm: [],
    hiddenScript: HIDDEN_DIR.test(script) || HIDDEN_DIR.test(first.text),
  };
}

const GENERIC_WORDS = new Set([
  'mcp',
  'server',
  'servers',
  'local',
  'remote',
  'the',
  'api',
  'tool',
  'tools',
  'dev',
]);

/** The distinctive words of a server name: `GitHub MCP` → `github`. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w));
}

/** True when every distinctive word of the name shows in what the entry runs or reaches. */
function nameFits(name: string, identity: Identity): boolean {
  const compact = identity.origin.replace(/[^a-z0-9]/g, '');
  return nameWords(name).every((w) => compact.includes(w));
}

const isScoped = (pkg: string): boolean => pkg.startsWith('@');

/**
 * Why two different targets under one name look like one borrowing the other's name, with how
 * serious that is; undefined when both are plausibly what the name says (an npm server and the
 * vendor's remote endpoint).
 */
function borrowed(
  name: string,
  own: Identity,
  other: Identity,
): { why: string; severity: Severity } | undefined {
  if (own.hiddenScript)
    return { why: 'it runs a script kept in a hidden or temporary folder', severity: 'high' };
  const fits = nameFits(name, own);
  if (
    fits &&
    nameFits(name, other) &&
    own.npm.length > 0 &&
    other.npm.length > 0 &&
    own.npm.every((p) => !isScoped(p) && !KNOWN_NPM_SERVERS.includes(p)) &&
    other.npm.some(isScoped)
  ) {
    return { why: 'an unscoped package stands in for a scoped one of the same name', severity: 'high' };
  }
  if (!fits) return { why: `"${name}" does not appear in what it runs or reaches`, severity: 'medium' };
  return undefined;
}

function at(server: Server): string {
  return server.position ? `${server.configPath}:${server.position.line}` : server.configPath;
}

export const serverNameCollision = defineRule<ConfigRuleContext>({
  id: 'config/server-name-collision',
  meta: {
    title: 'Same server name points at different servers',
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-290', 'CWE-349'],
    description:
      'Finds a server name that is defined in more than one config file (or client) and runs a different ' +
      'package, image, program or remote URL in one of them. The model and the user pick tools by server ' +
      "name; an entry that borrows a trusted name (written into another client's config by a malicious " +
      'package, as the SANDWORM_MODE typosquats did) receives the calls, data and tokens meant for the ' +
      'trusted one. It reports the entry that looks borrowed: the name does not appear in the package it runs ' +
      'or in the registrable domain it reaches, it runs a script kept in a hidden or temporary folder, or an ' +
      'unscoped npm package stands in for a scoped one. Different versions, runner flags and folder arguments ' +
      "of the same package are not a collision, and neither is a vendor's npm server in one client and the " +
      "vendor's remote endpoint in another.",
    remediation:
      'Check which entry is yours. Remove the one you did not add (and find out what wrote it), or rename ' +
      'one of them when both are intended.',
    references: ['https://cwe.mitre.org/data/definitions/290.html'],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    const groups = new Map<string, Server[]>();
    for (const server of servers) {
      const key = server.name.trim().toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), server]);
    }
    for (const group of groups.values()) {
      const identities = group.map((s) => serverIdentity(s));
      group.forEach((server, i) => {
        const own = identities[i];
        if (!own) return;
        const others = group
          .map((other, j) => ({ other, identity: identities[j] }))
          .filter(
            (e): e is { other: Server; identity: Identity } =>
              e.other.configPath !== server.configPath &&
              e.identity !== undefined &&
              e.identity.key !== own.key,
          );
        // The same target elsewhere under this name vouches for this entry.
        if (
          group.some(
            (o, j) => o !== server && o.configPath !== server.configPath && identities[j]?.key === own.key,
          )
        )
          return;
        for (const { other, identity } of others) {
          const verdict = borrowed(server.name, own, identity);
          if (verdict === undefined) continue;
          const { why } = verdict;
          hits.push({
            ...serverHit(
              server,
              undefined,
              `Server name "${server.name}" runs ${own.label} here but ${identity.label} in ${at(other)} ` +
                `(${other.client}); ${why}. An entry that borrows a trusted name receives the calls meant for it; check which one you added.`,
              `${own.label} ≠ ${identity.label}`,
            ),
            severity: verdict.severity,
          });
          return;
        }
      });
    }
    return hits;
  },
});
