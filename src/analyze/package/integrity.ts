import { createHash, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../model/result.js';

const STRENGTH: Record<string, number> = { sha512: 3, sha384: 2, sha256: 1 };

/** The expected digest of a tarball: the strongest SRI hash of `integrity`, else the sha1 `shasum`. */
export interface Expected {
  algorithm: string;
  digest: Buffer;
  /** As published, for messages and the cache index. */
  text: string;
}

/** Reads `dist.integrity` (SRI) or `dist.shasum`; undefined when neither holds a usable hash. */
export function expectedDigest(
  integrity: string | undefined,
  shasum: string | undefined,
): Expected | undefined {
  let best: Expected | undefined;
  for (const token of (integrity ?? '').split(/\s+/)) {
    const m = /^(sha512|sha384|sha256)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(token);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    const candidate = { algorithm: m[1], digest: Buffer.from(m[2], 'base64'), text: `${m[1]}-${m[2]}` };
    if (best === undefined || (STRENGTH[candidate.algorithm] ?? 0) > (STRENGTH[best.algorithm] ?? 0))
      best = candidate;
  }
  if (best !== undefined) return best;
  if (shasum !== undefined && /^[0-9a-f]{40}$/i.test(shasum)) {
    return {
      algorithm: 'sha1',
      digest: Buffer.from(shasum, 'hex'),
      text: `sha1-${Buffer.from(shasum, 'hex').toString('base64')}`,
    };
  }
  return undefined;
}

/** `sha512-…` of `data`. */
export function sri(data: Buffer, algorithm = 'sha512'): string {
  return `${algorithm}-${createHash(algorithm).update(data).digest('base64')}`;
}

/** Checks `data` against the expected digest, in constant time. */
export function verifyIntegrity(data: Buffer, expected: Expected, where: string): Result<void> {
  const actual = createHash(expected.algorithm).update(data).digest();
  if (actual.length === expected.digest.length && timingSafeEqual(actual, expected.digest))
    return ok(undefined);
  return fail(
    'integrity-mismatch',
    `The tarball of ${where} does not match its published integrity: expected ${expected.text}, ` +
      `got ${expected.algorithm}-${actual.toString('base64')}. Nothing was unpacked or cached. ` +
      'The registry, a proxy or the cache served other bytes than the ones published; do not install this package until that is explained.',
  );
}
