/** Bounds applied to every package read, from a tarball or a folder. */
export interface UnpackLimits {
  /** A single file larger than this is skipped (its bytes are read past, never kept). */
  maxFileBytes: number;
  /** Regular files kept; the rest of the package is skipped with one summary entry. */
  maxFiles: number;
  /** Decompressed bytes read from a tarball, or file bytes kept from a folder. */
  maxTotalBytes: number;
  /** Largest accepted ratio of decompressed to compressed bytes, once past `ratioFloorBytes`. */
  maxRatio: number;
  /** Decompressed size under which the ratio is not checked (small, repetitive packages are fine). */
  ratioFloorBytes: number;
  /** Folder depth below the package root past which folders are skipped. */
  maxDepth: number;
}

export const DEFAULT_UNPACK_LIMITS: Readonly<UnpackLimits> = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxFiles: 20_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxDepth: 64,
});

/** The defaults with the given overrides; a non-positive or non-numeric override keeps the default. */
export function resolveLimits(overrides: Partial<UnpackLimits> = {}): UnpackLimits {
  const out: UnpackLimits = { ...DEFAULT_UNPACK_LIMITS };
  for (const key of Object.keys(out) as (keyof UnpackLimits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && value > 0 && !Number.isNaN(value)) out[key] = value;
  }
  return out;
}

/** `1048576` → `1 MB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
