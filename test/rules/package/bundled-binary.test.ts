import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledBinary } from '../../../src/rules/package/bundled-binary.js';
import { binaryFormat } from '../../../src/rules/package/binary-format.js';
import { manifest, packageRuleTester } from './rule-tester.js';

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57)]);
const MACHO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(28)]);
const FAT = Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), Buffer.alloc(24)]);
const JAVA = Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]), Buffer.alloc(24)]);

function pe(): Buffer {
  const data = Buffer.alloc(0x60);
  data.write('MZ', 0, 'latin1');
  data.writeUInt32LE(0x40, 0x3c);
  data.write('PE\0\0', 0x40, 'latin1');
  return data;
}

function mzOnly(): Buffer {
  const data = Buffer.alloc(0x60);
  data.write('MZ', 0, 'latin1');
  data.writeUInt32LE(0x1000, 0x3c);
  return data;
}

const plain = manifest({ name: 'a-mcp', version: '1.0.0' });
const native = manifest({ name: 'a-mcp', version: '1.0.0', dependencies: { 'node-gyp-build': '^4.8.0' } });

packageRuleTester(bundledBinary, {
  valid: [
    { name: 'JavaScript only', files: { 'package.json': plain, 'index.js': 'MZ\u007fELF' } },
    {
      name: 'a Java class file shares the fat Mach-O magic',
      files: { 'package.json': plain, 'A.class': JAVA },
    },
    { name: 'MZ without a PE header', files: { 'package.json': plain, 'data.bin': mzOnly() } },
    {
      name: 'a file shorter than a magic number',
      files: { 'package.json': plain, 'x.bin': Buffer.from([0x7f, 0x45]) },
    },
  ],
  invalid: [
    {
      name: 'an ELF executable',
      files: { 'package.json': plain, 'bin/tool': ELF },
      hits: [{ file: 'bin/tool', line: undefined, message: 'an ELF executable or library (64 bytes)' }],
    },
    {
      name: 'a Mach-O, a universal binary and a PE, one finding each',
      files: { 'package.json': plain, 'a/macho': MACHO, 'a/fat': FAT, 'a/win.exe': pe() },
      hits: [
        { file: 'a/macho', line: undefined, message: 'Mach-O' },
        { file: 'a/fat', line: undefined, message: 'universal' },
        { file: 'a/win.exe', line: undefined, message: 'PE' },
      ],
    },
    {
      name: 'a library by its name alone',
      files: { 'package.json': plain, 'lib/libhelper.so.1': 'not really' },
      hits: [{ file: 'lib/libhelper.so.1', line: undefined, message: 'by its name' }],
    },
    {
      name: 'an N-API addon of a package that declares a native build is info',
      files: {
        'package.json': native,
        'prebuilds/linux-x64/node.napi.node': ELF,
        'build/Release/addon.node': MACHO,
      },
      hits: [
        { file: 'prebuilds/linux-x64/node.napi.node', line: undefined, severity: 'info' },
        { file: 'build/Release/addon.node', line: undefined, severity: 'info' },
      ],
    },
    {
      name: 'an addon of a package that declares no native build is medium',
      files: { 'package.json': plain, 'prebuilds/linux-x64/node.napi.node': ELF },
      hits: [{ file: 'prebuilds/linux-x64/node.napi.node', line: undefined, severity: 'medium' }],
    },
    {
      name: 'an addon elsewhere is medium',
      files: { 'package.json': native, 'lib/addon.node': ELF },
      hits: [{ file: 'lib/addon.node', line: undefined, severity: 'medium' }],
    },
  ],
});

describe('binaryFormat', () => {
  test('recognises each format by its first bytes', () => {
    assert.match(binaryFormat(ELF) ?? '', /ELF/);
    assert.match(binaryFormat(MACHO) ?? '', /Mach-O/);
    assert.match(binaryFormat(FAT) ?? '', /universal/);
    assert.match(binaryFormat(pe()) ?? '', /PE/);
    assert.equal(binaryFormat(JAVA), undefined);
    assert.equal(binaryFormat(Buffer.from('#!/bin/sh\n')), undefined);
  });
});
