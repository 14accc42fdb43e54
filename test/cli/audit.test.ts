import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixtureHome, runCli } from '../helpers/cli.js';
import { testPath } from '../helpers/paths.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { fakeGithubToken } from '../rules/config/fake-secrets.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  location: { file: string; line?: number; server?: string };
  evidence?: string;
  message: string;
}
interface JsonReport {
  findings: JsonFinding[];
  coverage: { complete: boolean; skipped: { path: string; code: string }[]; filesScanned: number };
  changes?: { kind: string; name: string; client: string; fields: string[] }[];
  servers: { client: string; name: string }[];
  summary: Record<string, number>;
}

function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** Seeded home: the clean fixture home plus a risky project with one planted problem per entry. */
function seededHome(): { home: string; systemRoot: string; token: string } {
  const { home, systemRoot } = fixtureHome('audit-seeds');
  const token = fakeGithubToken();
  const cursor = join(home, 'work', 'risky', '.cursor', 'mcp.json');
  writeFileSync(cursor, readFileSync(cursor, 'utf8').replace('__GITHUB_TOKEN__', token));
  return { home, systemRoot, token };
}

/** Every file under a folder with its size and mtime, to prove nothing else was written. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const st = statSync(path, { throwIfNoEntry: false });
        out.set(relative(root, path), st ? `${st.size}:${st.mtimeMs}` : 'link');
      }
    }
  };
  walk(root);
  return out;
}

describe('warden discover', () => {
  it('lists every server of every client in the fixture home, and only those', () => {
    const { home } = fixtureHome();
    const run = runCli(
      [
        'discover',
        '--format',
        'json',
        '--no-store',
        '--cwd',
        join(home, 'work', 'project', 'src', 'nested'),
        '--system-root',
        testPath('fixtures', 'discovery-system-linux'),
      ],
      home,
    );
    assert.equal(run.status, 0, run.stderr);
    const inventory = JSON.parse(run.stdout) as {
      servers: { client: string; scope: string; name: string; envKeys: string[] }[];
      clients: { client: string; configPath: string; found: boolean }[];
    };
    const expected = (
      JSON.parse(readFileSync(testPath('fixtures', 'home-linux', 'expected-servers.json'), 'utf8')) as {
        servers: { client: string; scope: string; name: string }[];
      }
    ).servers.map((s) => `${s.client}/${s.scope}/${s.name}`);
    const found = inventory.servers.map((s) => `${s.client}/${s.scope}/${s.name}`);
    assert.deepEqual([...found].sort(), [...expected].sort());
    assert.ok(inventory.clients.some((c) => c.client === 'goose' && c.found));
    assert.ok(
      inventory.clients.some((c) => !c.found),
      'absent locations are listed too',
    );
  });
});

describe('warden audit', () => {
  it('finds nothing in the clean fixture home and says what it covered', () => {
    const { home, systemRoot } = fixtureHome();
    const run = runCli(
      [
        'audit',
        '--no-packages',
        '--format',
        'json',
        '--cwd',
        join(home, 'work', 'project'),
        '--system-root',
        systemRoot,
      ],
      home,
    );
    assert.equal(run.status, 0, run.stderr);
    const report = parseReport(run.stdout);
    assert.deepEqual(report.findings, []);
    assert.equal(report.coverage.complete, true);
    assert.ok(report.coverage.filesScanned > 40);
    assert.ok(report.servers.length > 50);
  });

  it('flags each seeded config problem, at its line, and nothing in the clean entries', () => {
    const { home, systemRoot, token } = seededHome();
    const run = runCli(
      [
        'audit',
        '--no-packages',
        '--format',
        'json',
        '--no-store',
        '--cwd',
        join(home, 'work', 'risky'),
        '--system-root',
        systemRoot,
      ],
      home,
    );
    assert.equal(run.status, 1, run.stderr);
    const report = parseReport(run.stdout);
    const expected = (
      JSON.parse(readFileSync(testPath('fixtures', 'audit-seeds', 'expected-findings.json'), 'utf8')) as {
        findings: { ruleId: string; file: string; server?: string; line: number }[];
      }
    ).findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.server ?? ''}`);
    const actual = report.findings.map(
      (f) =>
        `${f.ruleId} ${relative(home, f.location.file)}:${f.location.line ?? 0} ${f.location.server ?? ''}`,
    );
    assert.deepEqual([...actual].sort(), [...expected].sort());
    assert.ok(!run.stdout.includes(token) && !run.stderr.includes(token), 'the token value never appears');
  });

  it('never prints the secret in text, SARIF or HTML, nor stores it', () => {
    const { home, systemRoot, token } = seededHome();
    for (const format of ['text', 'sarif', 'html']) {
      const run = runCli(
        [
          'audit',
          '--no-packages',
          '--format',
          format,
          '--cwd',
          join(home, 'work', 'risky'),
          '--system-root',
          systemRoot,
        ],
        home,
      );
      assert.equal(run.status, 1, run.stderr);
      assert.ok(run.stdout.includes('secret-in-config'), `${format} names the rule`);
      assert.ok(!run.stdout.includes(token), `${format} hides the value`);
    }
    const db = readFileSync(join(home, '.warden', 'warden.db'));
    assert.ok(!db.includes(Buffer.from(token)), 'the store never holds the value');
  });

  it('writes SARIF 2.1.0 that validates, with file URIs and config line numbers', () => {
    const { home, systemRoot } = seededHome();
    const out = join(home, '..', 'warden.sarif');
    const run = runCli(
      [
        'audit',
        '--no-packages',
        '--no-store',
        '-o',
        out,
        '--cwd',
        join(home, 'work', 'risky'),
        '--system-root',
        systemRoot,
      ],
      home,
    );
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const piped = log.runs[0]?.results.find((r) => r.ruleId === 'config/download-piped-to-shell');
    const physical = piped?.locations[0]?.physicalLocation;
    assert.match(physical?.artifactLocation.uri ?? '', /^file:\/\/\/.*work\/risky\/\.mcp\.json$/);
    assert.equal(physical?.region?.startLine, 10);
  });

  it('exits by --fail-on: 1 at or above it, 0 below it or with none', () => {
    const { home, systemRoot } = seededHome();
    const args = [
      'audit',
      '--no-packages',
      '--no-store',
      '--cwd',
      join(home, 'work', 'risky'),
      '--system-root',
      systemRoot,
    ];
    assert.equal(runCli([...args, '--fail-on', 'critical'], home).status, 1);
    assert.equal(runCli([...args, '--fail-on', 'none'], home).status, 0);
    const clean = fixtureHome();
    assert.equal(
      runCli(
        ['audit', '--no-packages', '--no-store', '--fail-on', 'medium', '--system-root', clean.systemRoot],
        clean.home,
      ).status,
      0,
    );
  });

  it('run twice with a server added in between, reports exactly that change', () => {
    const { home, systemRoot } = fixtureHome();
    const args = ['audit', '--no-packages', '--format', 'json', '--system-root', systemRoot, '--cwd', home];
    const first = parseReport(runCli(args, home).stdout);
    assert.equal(first.changes, undefined, 'no previous run to compare with');

    const cursor = join(home, '.cursor', 'mcp.json');
    const config = JSON.parse(readFileSync(cursor, 'utf8')) as { mcpServers: Record<string, unknown> };
    config.mcpServers['mail-helper'] = { command: 'npx', args: ['-y', '@acme/mail-mcp@2.0.1'] };
    writeFileSync(cursor, JSON.stringify(config, null, 2));

    const second = parseReport(runCli(args, home).stdout);
    assert.deepEqual(
      second.changes?.map((c) => [c.kind, c.client, c.name]),
      [['added', 'cursor', 'mail-helper']],
    );
    const third = parseReport(runCli(args, home).stdout);
    assert.deepEqual(third.changes, []);
  });

  it('reports a changed command and removed server against the previous run, in text too', () => {
    const { home, systemRoot } = fixtureHome();
    const args = ['audit', '--no-packages', '--system-root', systemRoot, '--cwd', home];
    runCli(args, home);
    const cursor = join(home, '.cursor', 'mcp.json');
    const config = JSON.parse(readFileSync(cursor, 'utf8')) as {
      mcpServers: Record<string, { url?: string }>;
    };
    const [first, second] = Object.keys(config.mcpServers);
    assert.ok(first !== undefined && second !== undefined);
    const changed = config.mcpServers[first];
    if (changed) changed.url = 'https://mcp.example.com/other';
    const kept = Object.fromEntries(Object.entries(config.mcpServers).filter(([name]) => name !== second));
    writeFileSync(cursor, JSON.stringify({ ...config, mcpServers: kept }, null, 2));
    const run = runCli(args, home);
    assert.match(run.stdout, new RegExp(`changed ${first} \\(cursor\\)`));
    assert.match(run.stdout, new RegExp(`removed ${second} \\(cursor\\)`));
  });

  it('writes nothing outside ~/.warden', () => {
    const { home, systemRoot } = seededHome();
    const before = snapshot(home);
    runCli(
      ['audit', '--no-packages', '--cwd', join(home, 'work', 'risky'), '--system-root', systemRoot],
      home,
    );
    const after = snapshot(home);
    const added = [...after.keys()].filter((k) => !before.has(k));
    assert.ok(added.length > 0 && added.every((k) => k.startsWith('.warden/')), added.join(', '));
    for (const [path, stamp] of before) assert.equal(after.get(path), stamp, `${path} untouched`);
  });

  it('uses --db instead of ~/.warden when given', () => {
    const { home, systemRoot } = fixtureHome();
    const db = join(home, '..', 'custom.db');
    const run = runCli(['audit', '--no-packages', '--db', db, '--system-root', systemRoot], home);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(statSync(db).size > 0);
    assert.equal(statSync(join(home, '.warden'), { throwIfNoEntry: false }), undefined);
  });

  it('refuses a --db that is not a database, with exit 2 and a message naming it', () => {
    const { home, systemRoot } = fixtureHome();
    const notDb = join(home, '..', 'notes.txt');
    writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200));
    const run = runCli(['audit', '--no-packages', '--db', notDb, '--system-root', systemRoot], home);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /notes\.txt/);
    assert.equal(readFileSync(notDb, 'utf8').startsWith('these are my notes'), true);
  });
});
