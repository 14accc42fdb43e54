import type { Confidence } from '../../model/severity.js';
import { FORMAT_DETECTORS, acceptFormatMatch, formatDetector } from './detectors.js';
import { isAwsSecretName, isPublicName, isSecretName, looksRandom } from './key-named.js';
import { isPlaceholder } from './placeholder.js';

export { isPlaceholder } from './placeholder.js';
export { isSecretName, looksRandom, shannonEntropy } from './key-named.js';

export interface SecretMatch {
  /** Detector id, e.g. `github-pat`, `aws-access-key-id`, `key-named-high-entropy`. */
  kind: string;
  /** Human label, e.g. `GitHub personal access token`. */
  label: string;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  confidence: Confidence;
}

export interface FindSecretsOptions {
  /** The name of the field the text is the value of (`GITHUB_TOKEN`, `Authorization`, `--api-key`). */
  keyName?: string;
}

const KEY_NAMED = {
  kind: 'key-named-high-entropy',
  label: 'high-entropy value of a secret-named field',
} as const;
const AWS_SECRET = { kind: 'aws-secret-access-key', label: 'AWS secret access key' } as const;
const URL_PASSWORD = { kind: 'url-password', label: 'password in a URL' } as const;

/** `name=value`, `name: value`, `"name": "value"`, `--name=value`, `Authorization: Bearer value`. */
const PAIR =
  /(?<![A-Za-z0-9_.])(["']?)([A-Za-z][A-Za-z0-9_.-]{0,63})\1[ \t]*[:=](?!\/\/)[ \t]*["']?((?:bearer|basic|token)[ \t]+)?([^\s"'&,;<>()[\]{}?#]+)/dgi;

/** `scheme://user:password@host` */
const URL_USERINFO = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/([^/\s:@]+):([^/\s@]+)@/dgi;

const AUTH_SCHEME = /^(?:bearer|basic|token)\s+/i;
const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function keyNamedMatch(keyName: string, value: string, start: number): SecretMatch | undefined {
  if (!isSecretName(keyName)) return undefined;
  const end = start + value.length;
  if (isAwsSecretName(keyName) && AWS_SECRET_SHAPE.test(value) && !isPlaceholder(value)) {
    return { ...AWS_SECRET, start, end, confidence: 'high' };
  }
  if (looksRandom(value)) return { ...KEY_NAMED, start, end, confidence: 'medium' };
  return undefined;
}

function formatMatches(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const detector of FORMAT_DETECTORS) {
    for (const m of text.matchAll(detector.pattern)) {
      if (!acceptFormatMatch(detector, m[0])) continue;
      found.push({
        kind: detector.kind,
        label: detector.label,
        start: m.index,
        end: m.index + m[0].length,
        confidence: detector.confidence,
      });
    }
  }
  return found;
}

function pairMatches(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const m of text.matchAll(PAIR)) {
    const key = m[2];
    const value = m[4];
    const at = m.indices?.[4];
    if (key === undefined || value === undefined || at === undefined) continue;
    const hit = keyNamedMatch(key, value, at[0]);
    if (hit) found.push(hit);
  }
  for (const m of text.matchAll(URL_USERINFO)) {
    const user = m[1];
    const password = m[2];
    const at = m.indices?.[2];
    if (user === undefined || password === undefined || at === undefined) continue;
    if (password.length < 4 || password === user || isPlaceholder(password)) continue;
    found.push({ ...URL_PASSWORD, start: at[0], end: at[1], confidence: 'medium' });
  }
  return found;
}

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** Keeps the earliest, then longest, then most confident of overlapping matches; sorted by start. */
function resolve(matches: SecretMatch[]): SecretMatch[] {
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - a.end || RANK[b.confidence] - RANK[a.confidence],
  );
  const kept: SecretMatch[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) kept.push(m);
  }
  return kept;
}

/** `candidates` without those overlapping any of `blockers` (both sorted by start, blockers disjoint). */
function withoutOverlaps(candidates: SecretMatch[], blockers: SecretMatch[]): SecretMatch[] {
  const out: SecretMatch[] = [];
  let j = 0;
  for (const c of [...candidates].sort((a, b) => a.start - b.start)) {
    while (j < blockers.length && (blockers[j]?.end ?? 0) <= c.start) j++;
    const next = blockers[j];
    if (!next || !overlaps(next, c)) out.push(c);
  }
  return out;
}

/**
 * Secrets in `text`: validated formats (GitHub, npm, AWS, OpenAI, Anthropic, Slack, Stripe,
 * Google, PEM private keys, JWTs), high-entropy values of secret-named fields (the whole text
 * when `keyName` names a secret, and `name=value` pairs inside the text), and URL passwords.
 * Placeholders (`${VAR}`, `<your-key>`, `xxxx`, `changeme`…) are never secrets.
 */
export function findSecrets(text: string, options: FindSecretsOptions = {}): SecretMatch[] {
  const { keyName } = options;
  let formats = resolve(formatMatches(text));
  if (keyName !== undefined && isPublicName(keyName)) formats = formats.filter((m) => m.kind !== 'jwt');
  const extra = pairMatches(text);
  if (keyName !== undefined) {
    const scheme = AUTH_SCHEME.exec(text)?.[0] ?? '';
    const leading = text.length - text.trimStart().length;
    const value = text.trim().slice(scheme.length);
    const whole = keyNamedMatch(keyName, value, leading + scheme.length);
    if (whole) extra.push(whole);
  }
  return resolve([...formats, ...withoutOverlaps(extra, formats)]);
}

/**
 * A printable description of a match: the fixed, non-secret prefix of its format, a mask,
 * its length and what it is, e.g. `ghp_…**** (40 chars, GitHub personal access token)`.
 */
export function describeSecret(match: SecretMatch, text: string): string {
  const value = text.slice(match.start, match.end);
  const prefix = formatDetector(match.kind)?.prefix(value) ?? '';
  const mask = prefix === '' ? '****' : `${prefix}…****`;
  return `${mask} (${value.length} chars, ${match.label})`;
}

/** `text` with every secret replaced by its description, safe to print. */
export function maskSecrets(text: string, options: FindSecretsOptions = {}): string {
  const matches = findSecrets(text, options);
  let out = text;
  for (const m of [...matches].reverse()) {
    out = out.slice(0, m.start) + describeSecret(m, text) + out.slice(m.end);
  }
  return out;
}
