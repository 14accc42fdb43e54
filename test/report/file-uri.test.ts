import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeRelativePath, relativeInside, toFileUri, toFolderUri } from '../../src/report/file-uri.js';

describe('toFileUri', () => {
  it('encodes POSIX paths', () => {
    assert.equal(toFileUri('/home/alice/a b/c#d?.json'), 'file:///home/alice/a%20b/c%23d%3F.json');
    assert.equal(toFileUri('/tmp/100%/é.js'), 'file:///tmp/100%25/%C3%A9.js');
    assert.equal(toFileUri('//tmp//x/../y.js'), 'file:///tmp/y.js');
  });

  it('encodes Windows drive and UNC paths on any platform', () => {
    assert.equal(toFileUri('C:\\Users\\Alice Ö\\mcp.json'), 'file:///C:/Users/Alice%20%C3%96/mcp.json');
    assert.equal(toFileUri('d:/work/x.json'), 'file:///D:/work/x.json');
    assert.equal(toFileUri('\\\\fileserver\\share\\team\\mcp.json'), 'file://fileserver/share/team/mcp.json');
  });

  it('replaces lone surrogates instead of failing', () => {
    assert.equal(toFileUri('/tmp/\ud800.js'), 'file:///tmp/%EF%BF%BD.js');
  });

  it('ends folder URIs with a slash', () => {
    assert.equal(toFolderUri('/home/alice/app'), 'file:///home/alice/app/');
    assert.equal(toFolderUri('/home/alice/app/'), 'file:///home/alice/app/');
  });
});

describe('relativeInside', () => {
  it('gives the path under the base, with forward slashes', () => {
    assert.equal(relativeInside('/home/alice/app', '/home/alice/app/src/x.js'), 'src/x.js');
    assert.equal(relativeInside('C:\\Work\\App', 'c:\\work\\app\\src\\x.js'), 'src/x.js');
  });

  it('is undefined outside the base, for the base itself, and across path styles', () => {
    assert.equal(relativeInside('/home/alice/app', '/home/alice/app2/x.js'), undefined);
    assert.equal(relativeInside('/home/alice/app', '/home/alice/app'), undefined);
    assert.equal(relativeInside('/home/alice/app', 'C:\\x.js'), undefined);
    assert.equal(relativeInside('C:\\Work', 'D:\\Work\\x.js'), undefined);
  });
});

describe('encodeRelativePath', () => {
  it('encodes each segment and turns backslashes into slashes', () => {
    assert.equal(encodeRelativePath('dist\\a b/c:d.js'), 'dist/a%20b/c%3Ad.js');
  });
});
