import { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { fail, ok, type Result } from '../../model/result.js';
import { FileCollector, type UnpackedFiles } from './collector.js';
import { tarEntryPath } from './entry-path.js';
import { formatBytes, resolveLimits, type UnpackLimits } from './limits.js';

/** Where a skipped entry that concerns the whole archive is reported. */
export const ARCHIVE_PATH = '<archive>';
const SLICE = 16 * 1024;
type EntryStream = tar.ExtractEvents['entry'][1];

const SPECIAL: Record<string, string> = {
  symlink: 'symbolic link',
  link: 'hard link',
  'character-device': 'character device',
  'block-device': 'block device',
  fifo: 'FIFO',
};

const LINK_CODES: Record<string, string> = { symlink: 'symlink', link: 'hardlink' };

function* slices(buffer: Buffer): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += SLICE) yield buffer.subarray(i, i + SLICE);
}

/**
 * Reads a gzipped tarball into memory, within `limits`. Nothing is written to disk.
 * Unsafe entries and entries past a bound are reported in `skipped`; a stream that is
 * not gzip or ends early fails with `bad-tarball`.
 */
export function unpackTarball(
  input: Buffer | Readable,
  limits: Partial<UnpackLimits> = {},
): Promise<Result<UnpackedFiles>> {
  const bounds = resolveLimits(limits);
  const source = Buffer.isBuffer(input) ? Readable.from(slices(input)) : input;
  return new TarReader(source, bounds).run();
}

class TarReader {
  readonly #source: Readable;
  readonly #limits: UnpackLimits;
  readonly #collector: FileCollector;
  readonly #gunzip: Gunzip = createGunzip();
  readonly #extract = tar.extract();
  #out = 0;
  #entries = 0;
  #settled = false;
  #resolve: (value: Result<UnpackedFiles>) => void = () => undefined;

  constructor(source: Readable, limits: UnpackLimits) {
    this.#source = source;
    this.#limits = limits;
    this.#collector = new FileCollector(limits);
  }

  run(): Promise<Result<UnpackedFiles>> {
    return new Promise((resolve) => {
      this.#resolve = resolve;
      this.#source.on('error', (error: Error) => {
        this.#broken(`the input could not be read (${error.message})`);
      });
      this.#gunzip.on('error', (error: Error) => {
        this.#broken(`the gzip stream is invalid (${error.message})`);
      });
      this.#extract.on('error', (error: Error) => {
        this.#broken(`the tar stream is invalid (${error.message})`);
      });
      this.#extract.on('finish', () => {
        this.#settle(ok(this.#collector.result()));
      });
      this.#extract.on('entry', (header, stream, next) => {
        this.#entry(header, stream, () => {
          next();
        });
      });
      this.#gunzip.on('data', (chunk: Buffer) => {
        this.#data(chunk);
      });
      this.#gunzip.on('end', () => {
        if (!this.#settled) this.#extract.end(null);
      });
      this.#source.pipe(this.#gunzip);
    });
  }

  #data(chunk: Buffer): void {
    if (this.#settled) return;
    this.#out += chunk.length;
    const { maxTotalBytes, maxRatio, ratioFloorBytes } = this.#limits;
    if (this.#out > maxTotalBytes) {
      this.#stop(
        'total-too-large',
        `the archive expands past the ${formatBytes(maxTotalBytes)} total limit; the rest was not read`,
      );
      return;
    }
    const compressed = Math.max(this.#gunzip.bytesWritten, 1);
    if (this.#out > ratioFloorBytes && this.#out / compressed > maxRatio) {
      this.#stop(
        'ratio-too-high',
        `the archive expands more than ${maxRatio}:1 (${formatBytes(this.#out)} from ${formatBytes(compressed)}), as a decompression bomb does; the rest was not read`,
      );
      return;
    }
    if (!this.#extract.write(chunk)) {
      this.#gunzip.pause();
      this.#extract.once('drain', () => this.#gunzip.resume());
    }
  }

  #entry(header: tar.Header, stream: EntryStream, next: () => void): void {
    this.#entries++;
    stream.on('error', () => undefined);
    const raw: Partial<tar.Header> = header;
    const type: string = raw.type ?? 'file';
    const named = tarEntryPath(header.name);
    const drain = (): void => {
      stream.on('end', () => {
        next();
      });
      stream.resume();
    };
    if (type === 'directory') {
      drain();
      return;
    }
    if (!named.ok) {
      this.#collector.skip(header.name, named.code, named.reason);
      drain();
      return;
    }
    const path = named.path;
    if (type !== 'file' && type !== 'contiguous-file') {
      const what = SPECIAL[type];
      const code = LINK_CODES[type] ?? (what === undefined ? 'unsupported-entry' : 'special-file');
      const link = header.linkname as string | null;
      const target = link ? ` to ${JSON.stringify(link.slice(0, 200))}` : '';
      this.#collector.skip(path, code, `a ${what ?? `\`${type}\` entry`}${target} is never followed or kept`);
      drain();
      return;
    }
    if (this.#collector.full) {
      this.#stop(
        'too-many-files',
        `the package has more than ${this.#limits.maxFiles} files; the rest of the archive was not read (raise maxFiles to read it)`,
      );
      return;
    }
    if (!this.#collector.admit(path, Number.isFinite(header.size) ? header.size : 0)) {
      drain();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    stream.on('end', () => {
      this.#collector.add(path, Buffer.concat(chunks));
      next();
    });
  }

  #stop(code: string, reason: string): void {
    this.#collector.skip(ARCHIVE_PATH, code, reason);
    this.#settle(ok(this.#collector.result()));
  }

  #broken(reason: string): void {
    const read = `${this.#collector.count} files (${formatBytes(this.#out)} decompressed, ${this.#entries} entries) were read before it stopped`;
    this.#settle(
      fail(
        'bad-tarball',
        `Not a readable .tgz: ${reason}; ${read}. Check that the file is a complete gzipped tarball (npm pack output).`,
      ),
    );
  }

  #settle(result: Result<UnpackedFiles>): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#source.unpipe(this.#gunzip);
    this.#source.destroy();
    this.#gunzip.destroy();
    this.#extract.destroy();
    this.#resolve(result);
  }
}
