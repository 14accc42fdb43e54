import { isPlaceholder } from './placeholder.js';

/** Name words that say a field holds a credential. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'bearer',
  'private',
  'privatekey',
  'accesskey',
  'secretkey',
  'pat',
]);

/** Joined names that hold a credential even without separators (`APIKEY`, `accessToken`). */
const SECRET_JOINED =
  /apikey|accesskey|secretkey|privatekey|authtoken|accesstoken|clientsecret|password|passwd|credential/;

/** Last words that make a name about a credential, not the credential (`API_KEY_FILE`, `TOKEN_URL`). */
const NOT_THE_SECRET: ReadonlySet<string> = new Set([
  'id',
  'ids',
  'url',
  'uri',
  'urls',
  'endpoint',
  'host',
  'hostname',
  'domain',
  'path',
  'file',
  'dir',
  'directory',
  'name',
  'type',
  'mode',
  'header',
  'prefix',
  'region',
  'scope',
  'scopes',
  'version',
  'enabled',
  'timeout',
  'ttl',
  'expiry',
  'expires',
  'issuer',
  'audience',
  'format',
  'method',
  'provider',
  'length',
  'size',
  'count',
  'env',
  'user',
  'username',
  'email',
  'login',
  'server',
  'location',
  'field',
]);

/** Words that make the value public by design (`SUPABASE_ANON_KEY`, `STRIPE_PUBLISHABLE_KEY`). */
const PUBLIC_WORDS: ReadonlySet<string> = new Set(['public', 'publishable', 'anon', 'pub', 'pubkey']);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** True when a field called `name` would hold a credential (`GITHUB_TOKEN`, `apiKey`, `--password`). */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || NOT_THE_SECRET.has(last)) return false;
  if (words.some((w) => PUBLIC_WORDS.has(w))) return false;
  return words.some((w) => SECRET_WORDS.has(w)) || SECRET_JOINED.test(words.join(''));
}

/** True when a name marks its value as public by design. */
export function isPublicName(name: string): boolean {
  return nameWords(name).some((w) => PUBLIC_WORDS.has(w));
}

/** True when a name says the value is an AWS secret access key. */
export function isAwsSecretName(name: string): boolean {
  const joined = nameWords(name).join('');
  return /secretaccesskey|awssecret/.test(joined);
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Share of the value made of word-like letter runs of 5 or more (`credentials`, `Project`). */
function wordiness(value: string): number {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z]?[a-z]{4,}|[A-Z]{5,}/g)) covered += m[0].length;
  return covered / value.length;
}

export const MIN_SECRET_LENGTH = 16;
export const MIN_ENTROPY = 3.0;

/**
 * True when a value looks like a random credential: long enough, no whitespace, not a
 * path or URL, at least two character classes, enough entropy, and not made of words.
 */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH || value.length > 1024) return false;
  if (!/^[\x21-\x7e]+$/.test(value)) return false;
  if (value.includes('://') || /^(?:[/~.\\]|[A-Za-z]:[\\/])/.test(value) || value.includes('\\'))
    return false;
  if (/^[\d.:-]+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  if (classes < 2) return false;
  if (new Set(value).size < 8) return false;
  if (wordiness(value) > 0.4) return false;
  return shannonEntropy(value) >= MIN_ENTROPY && !isPlaceholder(value);
}
