import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fetchPackument, loadPackage, type LoadOptions } from '../../../src/analyze/package/index.js';
import type { LoadedPackage } from '../../../src/model/package.js';
import type { Result } from '../../../src/model/result.js';
import { tempDir } from '../../helpers/temp.js';
import { tgzOf } from './tarballs.js';

const TOKEN = 's3cr3t-token-value-1234';
const root = tempDir('warden-registry-');
let base = '';
let server: Server | undefined;
const seen: { path: string; auth: string | undefined }[] = [];
const tarballs = new Map<string, Buffer>();
let flakyFailures = 1;

const sri = (data: Buffer): string => `sha512-${createHash('sha512').update(data).digest('base64')}`;

async function manifestTgz(name: string, version: string): Promise<Buffer> {
  return tgzOf([
    { name: 'package/package.json', body: JSON.stringify({ name, version }) },
    { name: 'package/index.js', body: `export const v = '${version}';` },
  ]);
}

function packument(
  prefix: string,
  name: string,
  versions: Record<string, Buffer>,
  tags: Record<string, string>,
  lie = false,
) {
  const entries: Record<string, unknown> = {};
  for (const [version, data] of Object.entries(versions)) {
    const tarball = `${base}/${prefix}/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
    tarballs.set(new URL(tarball).pathname, data);
    entries[version] = {
      name,
      version,
      dist: { tarball, integrity: lie ? sri(Buffer.from('other bytes')) : sri(data) },
    };
  }
  return { name, 'dist-tags': tags, versions: entries, time: { created: '2025-01-01T00:00:00.000Z' } };
}

const packuments = new Map<string, unknown>();

async function setUp(): Promise<void> {
  server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    seen.push({ path, auth: req.headers.authorization });
    if (path.startsWith('/scoped/') && req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401).end('{"error":"unauthorized"}');
      return;
    }
    if (path === '/main/flaky' && flakyFailures-- > 0) {
      res.writeHead(503).end();
      return;
    }
    const body = packuments.get(path) ?? tarballs.get(path);
    if (body === undefined) {
      res.writeHead(404).end('{"error":"not found"}');
      return;
    }
    if (Buffer.isBuffer(body)) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const honest: Record<string, Buffer> = {};
  for (const v of ['1.0.0', '1.1.0', '1.2.0', '2.0.0-beta.1']) honest[v] = await manifestTgz('honest', v);
  packuments.set(
    '/main/honest',
    packument('main', 'honest', honest, { latest: '1.1.0', next: '2.0.0-beta.1' }),
  );
  packuments.set(
    '/main/liar',
    packument('main', 'liar', { '1.0.0': await manifestTgz('liar', '1.0.0') }, { latest: '1.0.0' }, true),
  );
  packuments.set(
    '/main/flaky',
    packument('main', 'flaky', { '1.0.0': await manifestTgz('flaky', '1.0.0') }, { latest: '1.0.0' }),
  );
  packuments.set(
    '/scoped/@corp%2fprivate',
    packument(
      'scoped',
      '@corp/private',
      { '3.0.0': await manifestTgz('@corp/private', '3.0.0') },
      { latest: '3.0.0' },
    ),
  );
}

function files(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

let n = 0;
/** Fresh project, home and cache folders; the main test registry unless npmrc says otherwise. */
function context(
  npmrc: { project?: string; user?: string } = {},
  useOption = true,
): LoadOptions & { cacheDir: string } {
  const dir = join(root, `case-${n++}`);
  const cwd = join(dir, 'project');
  const home = join(dir, 'home');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  if (npmrc.project !== undefined) writeFileSync(join(cwd, '.npmrc'), npmrc.project);
  if (npmrc.user !== undefined) writeFileSync(join(home, '.npmrc'), npmrc.user);
  const options: LoadOptions & { cacheDir: string } = {
    cacheDir: join(dir, 'cache'),
    environment: { env: {}, cwd, home },
  };
  if (useOption) options.registry = `${base}/main/`;
  return options;
}

function value(result: Result<LoadedPackage>): LoadedPackage {
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.message}`);
  return result.value;
}

function code(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.code;
}

const noNetwork: typeof fetch = () => Promise.reject(new Error('the network was used'));

describe('loadPackage from a registry', () => {
  before(setUp);
  after(() => {
    server?.close();
  });

  test('loads an exact version, verifies it and caches it by integrity', async () => {
    const options = context();
    const pkg = value(await loadPackage('honest@1.0.0', options));
    assert.equal(pkg.ref, 'honest@1.0.0');
    assert.equal(pkg.manifest?.version, '1.0.0');
    assert.deepEqual(
      pkg.files.map((f) => f.path),
      ['index.js', 'package.json'],
    );
    assert.equal(pkg.source.kind, 'registry');
    const cached = files(options.cacheDir);
    assert.equal(cached.filter((f) => f.includes(join('tarballs', 'sha512'))).length, 1);
    assert.equal(cached.filter((f) => f.endsWith('honest.json')).length, 1);
    assert.equal(statSync(options.cacheDir).mode & 0o777, 0o700);
  });

  test('resolves latest, dist-tags and ranges as npm does', async () => {
    const options = context();
    const pick = async (spec: string): Promise<string> =>
      (await loadPackage(spec, options).then(value)).version ?? '';
    assert.equal(await pick('honest'), '1.1.0');
    assert.equal(await pick('honest@latest'), '1.1.0');
    assert.equal(await pick('honest@next'), '2.0.0-beta.1');
    assert.equal(await pick('honest@^1.0.0'), '1.1.0');
    assert.equal(await pick('honest@>=1.2.0 <2'), '1.2.0');
    assert.equal(await pick('honest@1.x || >=2.0.0-beta <2.0.0'), '1.1.0');
    assert.equal(await pick('honest@2.0.0-beta.1'), '2.0.0-beta.1');
    assert.equal(code(await loadPackage('honest@^2.0.0', options)), 'not-found');
    assert.equal(code(await loadPackage('honest@9.9.9', options)), 'not-found');
  });

  test('a packument that lies about integrity fails and nothing is cached', async () => {
    const options = context();
    const result = await loadPackage('liar@1.0.0', options);
    assert.equal(code(result), 'integrity-mismatch');
    assert.deepEqual(files(options.cacheDir), []);
  });

  test('offline uses only the cache', async () => {
    const options = context();
    value(await loadPackage('honest@1.0.0', options));
    const offline = { ...options, offline: true, fetch: noNetwork };
    assert.equal(value(await loadPackage('honest@1.0.0', offline)).ref, 'honest@1.0.0');
    assert.equal(value(await loadPackage('honest@^1.0.0', offline)).ref, 'honest@1.0.0');
    assert.equal(code(await loadPackage('honest@1.2.0', offline)), 'offline-not-cached');
    assert.equal(code(await loadPackage('flaky', offline)), 'offline-not-cached');
  });

  test('a missing package is not-found; a 5xx is retried once', async () => {
    const options = context();
    assert.equal(code(await loadPackage('missing-package', options)), 'not-found');
    assert.equal(value(await loadPackage('flaky', options)).ref, 'flaky@1.0.0');
  });

  test('a malformed spec is bad-spec', async () => {
    assert.equal(code(await loadPackage('Bad Name!', context())), 'bad-spec');
    assert.equal(code(await loadPackage('honest@not a range', context())), 'bad-spec');
  });

  test('reads the registry from the project .npmrc before the user .npmrc', async () => {
    const options = context(
      { project: `registry=${base}/main/\n`, user: 'registry=http://127.0.0.1:9/\n' },
      false,
    );
    const pkg = value(await loadPackage('honest@1.0.0', options));
    assert.equal(pkg.source.kind === 'registry' ? pkg.source.registry : '', `${base}/main/`);
  });

  test('npm_config_registry in the environment wins over .npmrc files', async () => {
    const options = context({ project: 'registry=http://127.0.0.1:9/\n' }, false);
    options.environment = { ...options.environment, env: { npm_config_registry: `${base}/main/` } };
    assert.equal(value(await loadPackage('honest@1.0.0', options)).ref, 'honest@1.0.0');
  });

  test('a scoped registry from ~/.npmrc (HOME) gets its token, and no other host does', async () => {
    const previousHome = process.env.HOME;
    const options = context({}, false);
    const home = join(root, `home-${n++}`);
    mkdirSync(home);
    writeFileSync(
      join(home, '.npmrc'),
      `registry=${base}/main/\n@corp:registry=${base}/scoped/\n//127.0.0.1:${new URL(base).port}/scoped/:_authToken=${TOKEN}\n`,
    );
    process.env.HOME = home;
    try {
      options.environment = { env: {}, cwd: options.environment?.cwd ?? root };
      seen.length = 0;
      assert.equal(value(await loadPackage('@corp/private', options)).ref, '@corp/private@3.0.0');
      assert.equal(value(await loadPackage('honest@1.2.0', options)).ref, 'honest@1.2.0');
    } finally {
      process.env.HOME = previousHome;
    }
    assert.ok(seen.some((r) => r.path.startsWith('/scoped/') && r.auth === `Bearer ${TOKEN}`));
    assert.ok(seen.filter((r) => r.path.startsWith('/main/')).every((r) => r.auth === undefined));
  });

  test('the token never appears in an error message', async () => {
    const port = new URL(base).port;
    const denied = context(
      { user: `@corp:registry=${base}/scoped/\n//127.0.0.1:${port}/scoped/:_authToken=wrong-${TOKEN}\n` },
      false,
    );
    const refused = await loadPackage('@corp/private', denied);
    assert.equal(code(refused), 'registry-denied');
    const down = context(
      { user: `registry=http://user:${TOKEN}@127.0.0.1:9/\n//127.0.0.1:9/:_authToken=${TOKEN}\n` },
      false,
    );
    const unreachable = await loadPackage('honest', down);
    assert.equal(code(unreachable), 'registry-unreachable');
    for (const result of [refused, unreachable]) {
      assert.ok(!result.ok && !result.message.includes(TOKEN));
    }
  });

  test('fetchPackument returns the full document', async () => {
    const result = await fetchPackument('honest', { registry: `${base}/main/`, environment: { env: {} } });
    assert.ok(result.ok);
    assert.deepEqual(result.value.packument.time, { created: '2025-01-01T00:00:00.000Z' });
    assert.deepEqual(Object.keys(result.value.packument.versions), [
      '1.0.0',
      '1.1.0',
      '1.2.0',
      '2.0.0-beta.1',
    ]);
  });
});
