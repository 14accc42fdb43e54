// Fake credentials in real formats, built at run time so that no complete token appears in the
// source. Bodies are visibly fake; checksummed formats get a valid checksum over that fake body.
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62Checksum(body: string): string {
  let n = crc32(body);
  let out = '';
  while (n > 0) {
    out = BASE62.charAt(n % 62) + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}

/** A GitHub classic token (`ghp`, `gho`, `ghu`, `ghs`, `ghr`) with a valid CRC-32 checksum. */
export function fakeGithubToken(prefix = 'ghp', body = 'FAKEfakeW4rdenT3stT0kenB0dyQZX'): string {
  return `${prefix}_${body}${base62Checksum(body)}`;
}

/** The same token with its checksum broken. */
export function fakeGithubTokenBadChecksum(): string {
  const good = fakeGithubToken();
  return good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
}

export function fakeNpmToken(body = 'FAKEfakeNpmW4rdenT3stB0dyQZXYW'): string {
  return ['npm', `${body}${base62Checksum(body)}`].join('_');
}

export function fakeFineGrainedPat(): string {
  return [
    'github',
    'pat',
    '11FAKEFAKE0W4rdenT3stQ',
    'FAKEfakeW4rdenT3stB0dyForTheFineGrainedFormatQZXYWVUTSRQPNM',
  ].join('_');
}

export function fakeAwsAccessKeyId(): string {
  return 'AKIA' + 'FAKEW4RDENT3ST2Q';
}

export function fakeOpenAiProjectKey(): string {
  return ['sk', 'proj', 'FAKEfakeW4rdenT3stB0dyQZ7k2m9pL4xR8vN3bC6hJ1dF5gT0aE2sW7qY9uI3oP'].join('-');
}

export function fakeAnthropicKey(): string {
  return [
    'sk',
    'ant',
    'api03',
    'FAKEfakeW4rdenT3stB0dy7k2m9pL4xR8vN3bC6hJ1dF5gT0aE2sW7qY9uI3oPFAKEfakeW4rdenT3stB0dy7k2m9pL4xR8vN3b-AA',
  ].join('-');
}

export function fakeSlackBotToken(): string {
  return ['xoxb', '2024090117', '7040501331', 'FAKEfakeW4rdenT3stB0dyQZ'].join('-');
}

export function fakeSlackWebhook(): string {
  return `https://hooks.slack.com/services/${['TFAKE0W4RD', 'BFAKE0T3ST', 'FAKEfakeW4rdenT3stB0dyQZ'].join('/')}`;
}

export function fakeStripeKey(mode: 'live' | 'test' = 'live', kind: 'sk' | 'rk' = 'sk'): string {
  return [kind, mode, 'FAKEfakeW4rdenT3stB0dyQZ7k2m'].join('_');
}

export function fakeGoogleApiKey(): string {
  return 'AI' + 'za' + 'FAKEfakeW4rdenT3stB0dyQZ7k2m9pL4xR8';
}

export function fakePrivateKey(): string {
  const header = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
  return `${header}\nMIIEFAKEfakeW4rdenT3stB0dyQZ7k2m9pL4xR8vN3bC6hJ1dF5gT0aE2sW7qY9uI3oP\nFAKEfakeW4rdenT3stB0dy==\n-----END RSA PRIVATE KEY-----`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

export function fakeJwt(header: object = { alg: 'HS256', typ: 'JWT' }): string {
  return [
    base64url(JSON.stringify(header)),
    base64url(JSON.stringify({ sub: 'fake-w4rden-test', iat: 1700000000 })),
    'FAKEfakeW4rdenT3stSignatureQZ7k2m9pL4x',
  ].join('.');
}

/** A random-looking value for a secret-named field, matching no vendor format. */
export const FAKE_HIGH_ENTROPY = 'Kd8fJ2mQp9Xz4LwR7tYvB3nM';
