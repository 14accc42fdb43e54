/** What kind of native executable a file's first bytes say it is, or undefined. */
export function binaryFormat(data: Buffer): string | undefined {
  if (data.length < 4) return undefined;
  const magic = data.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'ELF executable or library';
  if (magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe) {
    return 'Mach-O executable or library';
  }
  if ((magic === 0xcafebabe || magic === 0xcafebabf) && data.length >= 8) {
    // Java class files share 0xCAFEBABE; there the next word is the class version (45 and up),
    // in a fat Mach-O it is the number of architectures (a handful).
    const count = data.readUInt32BE(4);
    if (count > 0 && count < 45) return 'universal (fat) Mach-O binary';
    return undefined;
  }
  if (data[0] === 0x4d && data[1] === 0x5a && data.length >= 0x40) {
    const offset = data.readUInt32LE(0x3c);
    if (offset + 4 <= data.length && data.readUInt32BE(offset) === 0x50450000)
      return 'Windows PE executable or DLL';
  }
  return undefined;
}

const NATIVE_NAME = /\.(?:exe|dll|so|dylib)$|\.so\.\d+(?:\.\d+)*$/i;

/** True for a file name that says it is a native executable or library. */
export function nativeName(path: string): boolean {
  return NATIVE_NAME.test(path);
}

/** `1536` → `1.5 KB`, for messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
