/** Where a URL's host sits: this machine, a private network, or anywhere else. */
export type HostReach = 'loopback' | 'private' | 'public';

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function ipv4Reach(octets: number[]): HostReach {
  const [a = 0, b = 0] = octets;
  if (a === 127 || octets.every((o) => o === 0)) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/**
 * Classifies a hostname as written in a URL (IPv6 in brackets or not). `0.0.0.0` and `::`
 * as a client target reach this machine; RFC 1918, link-local, CGNAT, IPv6 ULA, `.local`,
 * `.lan`, `.internal`, `.home.arpa` and single-label names are private.
 */
export function hostReach(hostname: string): HostReach {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4(host);
  if (v4) return ipv4Reach(v4);
  if (host.includes(':')) {
    if (host === '::1' || host === '::' || /^0*:0*:0*:0*:0*:0*:0*:0*1?$/.test(host)) return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    const mappedV4 = mapped !== undefined ? ipv4(mapped) : undefined;
    if (mappedV4) return ipv4Reach(mappedV4);
    if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return 'private';
    return 'public';
  }
  if (!host.includes('.')) return 'private';
  if (/\.(?:local|lan|internal|intranet|corp|home\.arpa|home)$/.test(host)) return 'private';
  return 'public';
}

/** The host of a URL string, or undefined when it does not parse or holds a placeholder. */
export function urlHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
