import type { Confidence } from '../../model/severity.js';
import { hasValidTokenChecksum } from './checksum.js';
import { isPlaceholder } from './placeholder.js';

/** A secret format recognised by its shape, and validated where the format allows. */
export interface FormatDetector {
  kind: string;
  label: string;
  confidence: Confidence;
  /** Global regex; the whole match is the secret. */
  pattern: RegExp;
  /** The fixed, non-secret start of the format as it appears in `value` (may be empty). */
  prefix(value: string): string;
  /** Extra checks on a match (checksum, decodable header); placeholders are handled apart. */
  validate?(value: string): boolean;
  /** Set for formats whose bodies are structured (PEM) and must skip the placeholder test. */
  ownPlaceholderCheck?: boolean;
}

// Boundaries: a secret must not continue a longer word on either side.
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';
const BD = '(?<![A-Za-z0-9_-])';
const ED = '(?![A-Za-z0-9_-])';

function re(source: string): RegExp {
  return new RegExp(source, 'g');
}

function fixed(text: string): (value: string) => string {
  return () => text;
}

function upTo(pattern: RegExp): (value: string) => string {
  return (value) => pattern.exec(value)?.[0] ?? '';
}

function hasLettersAndDigits(body: string, minDigits = 1): boolean {
  const digits = body.replace(/[^0-9]/g, '').length;
  return /[A-Za-z]/.test(body) && digits >= minDigits;
}

function githubClassic(prefix: string, kind: string, label: string): FormatDetector {
  return {
    kind,
    label,
    confidence: 'high',
    pattern: re(`${B}${prefix}_[A-Za-z0-9]{36}${E}`),
    prefix: fixed(`${prefix}_`),
    validate: hasValidTokenChecksum,
  };
}

function decodeBase64Url(part: string): string | undefined {
  try {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

function hasJwtHeader(value: string): boolean {
  const header = decodeBase64Url(value.split('.')[0] ?? '');
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    const alg = (parsed as Record<string, unknown>).alg;
    return typeof alg === 'string' && alg.toLowerCase() !== 'none';
  } catch {
    return false;
  }
}

function hasPemBody(value: string): boolean {
  const body = value
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/\\n|\\r/g, '')
    .replace(/^[A-Za-z-]+:.*$/gm, '');
  if (/\.{3}|…|x{4,}|\*{3,}|<[^>]*>|\$\{/i.test(body)) return false;
  return body.replace(/[^A-Za-z0-9+/=]/g, '').length >= 40;
}

export const FORMAT_DETECTORS: readonly FormatDetector[] = [
  githubClassic('ghp', 'github-pat', 'GitHub personal access token'),
  githubClassic('gho', 'github-oauth-token', 'GitHub OAuth access token'),
  githubClassic('ghu', 'github-user-token', 'GitHub user-to-server token'),
  githubClassic('ghs', 'github-app-token', 'GitHub App installation token'),
  githubClassic('ghr', 'github-refresh-token', 'GitHub refresh token'),
  {
    kind: 'github-fine-grained-pat',
    label: 'GitHub fine-grained personal access token',
    confidence: 'high',
    pattern: re(`${B}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}${E}`),
    prefix: fixed('github_pat_'),
  },
  {
    kind: 'aws-access-key-id',
    label: 'AWS access key id',
    confidence: 'high',
    pattern: re(`${B}(?:AKIA|ASIA)[A-Z2-7]{16}${E}`),
    prefix: (value) => value.slice(0, 4),
  },
  {
    kind: 'anthropic-api-key',
    label: 'Anthropic API key',
    confidence: 'high',
    pattern: re(`${BD}sk-ant-(?:[a-z]{2,8}\\d{2}-)?[A-Za-z0-9_-]{32,}${ED}`),
    prefix: upTo(/^sk-ant-(?:[a-z]{2,8}\d{2}-)?/),
    validate: (value) => hasLettersAndDigits(value.slice(7)),
  },
  {
    kind: 'openai-api-key',
    label: 'OpenAI API key',
    confidence: 'high',
    pattern: re(
      `${BD}(?:sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})${ED}`,
    ),
    prefix: upTo(/^sk-(?:(?:proj|svcacct|admin)-)?/),
    validate: (value) => hasLettersAndDigits(value.slice(3), 2),
  },
  {
    kind: 'sk-api-key',
    label: 'API secret key (sk- prefix)',
    confidence: 'medium',
    pattern: re(`${BD}sk-[A-Za-z0-9]{32,64}${ED}`),
    prefix: fixed('sk-'),
    validate: (value) => hasLettersAndDigits(value.slice(3), 3),
  },
  {
    kind: 'slack-token',
    label: 'Slack token',
    confidence: 'high',
    pattern: re(
      `${BD}(?:xox[baprs]-(?:\\d+-)+[A-Za-z0-9]{8,}(?:-[A-Za-z0-9]+)*|xapp-\\d-[A-Z0-9]+-\\d+-[A-Za-z0-9]{32,}|xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{50,})${ED}`,
    ),
    prefix: upTo(/^(?:xoxe\.)?xox[a-z]-|^xapp-/),
  },
  {
    kind: 'slack-webhook-url',
    label: 'Slack incoming webhook URL',
    confidence: 'high',
    pattern: re(
      '(?:https?://)?hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}|(?:workflows|triggers)/T[A-Z0-9]{6,}/[A-Za-z0-9]{6,}/[A-Za-z0-9/]{20,})(?![A-Za-z0-9])',
    ),
    prefix: upTo(/^(?:https?:\/\/)?hooks\.slack\.com\/[a-z]+\//),
  },
  {
    kind: 'stripe-secret-key',
    label: 'Stripe secret key',
    confidence: 'high',
    pattern: re(`${B}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}${E}`),
    prefix: upTo(/^[a-z]{2}_[a-z]{4}_/),
    validate: (value) => hasLettersAndDigits(value.slice(8)),
  },
  {
    kind: 'google-api-key',
    label: 'Google API key',
    confidence: 'high',
    pattern: re(`${BD}AIza[0-9A-Za-z_-]{35}${ED}`),
    prefix: fixed('AIza'),
  },
  {
    kind: 'npm-token',
    label: 'npm access token',
    confidence: 'high',
    pattern: re(`${B}npm_[A-Za-z0-9]{36}${E}`),
    prefix: fixed('npm_'),
    validate: hasValidTokenChecksum,
  },
  {
    kind: 'private-key',
    label: 'private key',
    confidence: 'high',
    pattern: re(
      '-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?:[\\s\\S]{0,16384}?-----END \\1PRIVATE KEY\\2-----|(?:[A-Za-z0-9+/=\\s]|\\\\[nr])*)',
    ),
    prefix: upTo(/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/),
    validate: hasPemBody,
    ownPlaceholderCheck: true,
  },
  {
    kind: 'jwt',
    label: 'JSON Web Token',
    confidence: 'medium',
    pattern: re(`${BD}eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}${ED}`),
    prefix: fixed('eyJ'),
    validate: hasJwtHeader,
  },
];

const BY_KIND = new Map(FORMAT_DETECTORS.map((d) => [d.kind, d]));

export function formatDetector(kind: string): FormatDetector | undefined {
  return BY_KIND.get(kind);
}

/** True when a regex match of `detector` is a secret and not a stand-in. */
export function acceptFormatMatch(detector: FormatDetector, value: string): boolean {
  if (detector.validate && !detector.validate(value)) return false;
  return detector.ownPlaceholderCheck === true || !isPlaceholder(value);
}
