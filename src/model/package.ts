import type { Skipped } from './coverage.js';

/** One regular file of a package, read into memory within the unpacking bounds. */
export interface PackageFile {
  /** Path inside the package, posix separators, no leading `package/`. */
  path: string;
  size: number;
  /** The bytes, as unpacked; text decoding is the reader's business (invalid UTF-8 happens). */
  data: Buffer;
}

/** Where a package came from. */
export type PackageSource =
  | { kind: 'folder'; path: string }
  | { kind: 'tarball'; path: string }
  | { kind: 'registry'; spec: string; registry: string; tarballUrl: string; integrity?: string };

/** A package ready for analysis: its files (bounded) and its manifest. Nothing of it was executed. */
export interface LoadedPackage {
  /** `name@version` when known, else the path given. */
  ref: string;
  name?: string;
  version?: string;
  source: PackageSource;
  /** The parsed package.json, when present and valid JSON. */
  manifest?: Record<string, unknown>;
  files: PackageFile[];
  /** Entries left out (links, traversal paths, over-size files, bounds reached), with reasons. */
  skipped: Skipped[];
}
