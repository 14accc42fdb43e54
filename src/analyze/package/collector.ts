import type { Skipped } from '../../model/coverage.js';
import type { PackageFile } from '../../model/package.js';
import { displayName } from './entry-path.js';
import { formatBytes, type UnpackLimits } from './limits.js';

/** Files and skipped entries read from one package, in memory. */
export interface UnpackedFiles {
  files: PackageFile[];
  skipped: Skipped[];
}

const MAX_SKIPPED_ENTRIES = 1000;

/** Keeps files within the bounds; the last of two files with the same path wins. */
export class FileCollector {
  readonly #limits: UnpackLimits;
  readonly #files = new Map<string, PackageFile>();
  readonly #skipped: Skipped[] = [];
  #bytes = 0;
  #unlisted = 0;

  constructor(limits: UnpackLimits) {
    this.#limits = limits;
  }

  get count(): number {
    return this.#files.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** True when one more file would pass `maxFiles`. */
  get full(): boolean {
    return this.#files.size >= this.#limits.maxFiles;
  }

  /** True when a file of `size` bytes may be kept; otherwise the reason has been recorded. */
  admit(path: string, size: number): boolean {
    if (size > this.#limits.maxFileBytes) {
      this.skip(
        path,
        'file-too-large',
        `${formatBytes(size)} is over the ${formatBytes(this.#limits.maxFileBytes)} per-file limit; raise maxFileBytes to read it`,
      );
      return false;
    }
    const replaced = this.#files.get(path)?.size ?? 0;
    if (this.#bytes - replaced + size > this.#limits.maxTotalBytes) {
      this.skip(
        path,
        'total-too-large',
        `keeping it would pass the ${formatBytes(this.#limits.maxTotalBytes)} total limit`,
      );
      return false;
    }
    return true;
  }

  add(path: string, data: Buffer): void {
    const previous = this.#files.get(path);
    if (previous !== undefined) {
      this.#bytes -= previous.size;
      this.#files.delete(path);
      this.skip(
        path,
        'duplicate-path',
        'the package holds this path more than once; the last entry was kept',
      );
    }
    this.#files.set(path, { path, size: data.length, data });
    this.#bytes += data.length;
  }

  skip(path: string, code: string, reason: string): void {
    if (this.#skipped.length >= MAX_SKIPPED_ENTRIES) {
      this.#unlisted++;
      return;
    }
    this.#skipped.push({ path: displayName(path), code, reason });
  }

  result(): UnpackedFiles {
    const skipped = [...this.#skipped];
    if (this.#unlisted > 0) {
      skipped.push({
        path: '*',
        code: 'skipped-not-listed',
        reason: `${this.#unlisted} more skipped entries were not listed (over ${MAX_SKIPPED_ENTRIES})`,
      });
    }
    const files = [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, skipped };
  }
}
