import { Readable } from 'node:stream';
import { gzipSync, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';

export interface Entry {
  name: string;
  type?: tar.Header['type'];
  linkname?: string;
  body?: string | Buffer;
}

/** The raw tar bytes of `entries`. */
export async function tarOf(entries: readonly Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const done = new Promise<void>((resolve) => {
    pack.on('end', () => {
      resolve();
    });
  });
  for (const entry of entries) {
    const header: tar.Header | { name: string } = {
      name: entry.name,
      ...(entry.type === undefined ? {} : { type: entry.type }),
      ...(entry.linkname === undefined ? {} : { linkname: entry.linkname }),
    };
    if (entry.body === undefined) pack.entry(header);
    else pack.entry(header, entry.body);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A gzipped tarball of `entries`. */
export async function tgzOf(entries: readonly Entry[]): Promise<Buffer> {
  return gzipSync(await tarOf(entries));
}

/** A ustar header for a regular file. */
export function ustarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write('00000000000\0', 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/**
 * A decompression bomb: one entry claiming `size` bytes of zeros, made of gzip members
 * (one per MB) concatenated, so that it costs about 1 KB per MB to build and hold.
 */
export function zeroBomb(size: number): Buffer {
  const mb = gzipSync(Buffer.alloc(1024 * 1024));
  const parts: Buffer[] = [gzipSync(ustarHeader('package/zeros.bin', size))];
  for (let i = 0; i < size / (1024 * 1024); i++) parts.push(mb);
  return Buffer.concat(parts);
}

function* tinyFiles(count: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) {
    const body = Buffer.alloc(512);
    const text = `${i}\n`;
    body.write(text);
    yield Buffer.concat([ustarHeader(`package/f${i}.js`, text.length), body]);
  }
  yield Buffer.alloc(1024);
}

/** A gzipped tar stream of `count` tiny files, produced lazily as it is read. */
export function manyFiles(count: number): Readable {
  return Readable.from(tinyFiles(count)).pipe(createGzip({ level: 1 }));
}
