import { findSecrets, isPlaceholder, isSecretName } from '../../analyze/secrets/index.js';
import { hostReach, type HostReach } from './hosts.js';

/** A credential written into a URL: the password (or token) of its userinfo, or a query value. */
export interface UrlCredential {
  kind: 'userinfo' | 'query';
  /** The parameter name for a query; the user name for a userinfo password; empty when the user name is the token. */
  name: string;
  /** Offsets of the credential value in the scanned text. */
  start: number;
  end: number;
  /** Where the URL's host is. */
  reach: HostReach;
}

const URL_IN_TEXT = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** Passwords that only ever guard a local development service. */
const DEV_PASSWORDS: ReadonlySet<string> = new Set([
  'postgres',
  'password',
  'root',
  'admin',
  'secret',
  'pass',
  'mysql',
  'guest',
  'dev',
  'local',
]);

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** True when a query value looks like a credential rather than a flag or a word. */
function credentialValue(value: string): boolean {
  if (isPlaceholder(value)) return false;
  if (findSecrets(value).length > 0) return true;
  return value.length >= 16 || (value.length >= 8 && /\d/.test(value) && /[A-Za-z]/.test(value));
}

/** Query parameter names that carry a credential: secret-named, plus Azure SAS `sig`. */
function credentialParam(name: string, all: readonly string[]): boolean {
  if (isSecretName(name)) return true;
  return name.toLowerCase() === 'sig' && all.some((n) => /^(?:sv|se|sp|sr)$/i.test(n));
}

function hostOf(authority: string): string {
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d*$/, '');
}

function credentialsInUrl(url: string, offset: number): UrlCredential[] {
  const found: UrlCredential[] = [];
  const schemeEnd = url.indexOf('://') + 3;
  const authorityEnd = url.slice(schemeEnd).search(/[/?#]/);
  const authority = authorityEnd < 0 ? url.slice(schemeEnd) : url.slice(schemeEnd, schemeEnd + authorityEnd);
  const reach = hostReach(hostOf(authority));
  const at = authority.lastIndexOf('@');
  if (at > 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const start = offset + schemeEnd + (colon < 0 ? 0 : colon + 1);
    const end = offset + schemeEnd + at;
    if (colon >= 0) {
      const password = decode(userinfo.slice(colon + 1));
      const devOnly =
        reach === 'loopback' && (password === user || DEV_PASSWORDS.has(password.toLowerCase()));
      if (password !== '' && !isPlaceholder(password) && !devOnly)
        found.push({ kind: 'userinfo', name: user, start, end, reach });
    } else if (!isPlaceholder(user) && findSecrets(user, { keyName: 'token' }).length > 0) {
      found.push({ kind: 'userinfo', name: '', start, end, reach });
    }
  }
  const q = url.indexOf('?');
  if (q < 0) return found;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const pairs = query.split('&');
  const names = pairs.map((p) => decode(p.split('=')[0] ?? ''));
  let cursor = offset + q + 1;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) {
      const name = decode(pair.slice(0, eq));
      const value = decode(pair.slice(eq + 1));
      if (credentialParam(name, names) && credentialValue(value)) {
        found.push({ kind: 'query', name, start: cursor + eq + 1, end: cursor + pair.length, reach });
      }
    }
    cursor += pair.length + 1;
  }
  return found;
}

/** Every credential written in a URL anywhere in `text`. Placeholders (`${TOKEN}`) are not credentials. */
export function urlCredentials(text: string): UrlCredential[] {
  const found: UrlCredential[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[),.;\]]+$/, '');
    found.push(...credentialsInUrl(url, m.index));
  }
  return found;
}
