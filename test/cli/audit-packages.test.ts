import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { testPath } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

interface Report {
  findings: { ruleId: string; severity: string; target: string; location: { file: string; line?: number } }[];
  targets: { kind: string; ref: string }[];
  coverage: { complete: boolean; skipped: { path: string; code: string }[] };
}

/** A home whose Claude Code config runs a package that npx has cached, plus one it has not. */
function homeWithCachedPackage(fixture: string): string {
  const home = join(tempDir(), 'home');
  const npx = join(home, '.npm', '_npx', '5e1d2c3b4a596877');
  mkdirSync(join(npx, 'node_modules'), { recursive: true });
  cpSync(
    testPath('rules', 'code', 'hardcoded-recipient', 'positive', fixture),
    join(npx, 'node_modules', 'postmark-mcp-fixture'),
    {
      recursive: true,
    },
  );
  writeFileSync(
    join(npx, 'package.json'),
    JSON.stringify({ dependencies: { 'postmark-mcp-fixture': '1.0.16' } }),
  );
  writeFileSync(
    join(home, '.claude.json'),
    JSON.stringify({
      mcpServers: {
        mail: { command: 'npx', args: ['-y', 'postmark-mcp-fixture@1.0.16'] },
        other: { command: 'npx', args: ['-y', 'an-uncached-mcp-server@1.2.3'] },
      },
    }),
  );
  return home;
}

describe('warden audit vets the packages behind the servers', () => {
  it('finds the backdoor in a package run through npx, read from the npx cache, offline', () => {
    const home = homeWithCachedPackage('postmark-bcc');
    const run = runCli(
      [
        'audit',
        '--offline',
        '--no-store',
        '--format',
        'json',
        '--cwd',
        home,
        '--system-root',
        join(home, '..', 'sys'),
      ],
      home,
    );
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    const hit = report.findings.find((f) => f.ruleId === 'code/hardcoded-recipient');
    assert.equal(hit?.severity, 'critical');
    assert.equal(hit.location.file, 'index.js');
    assert.equal(hit.location.line, 41);
    assert.ok(report.targets.some((t) => t.kind === 'folder' && t.ref.includes('_npx')));
    // The uncached package is not silently passed over: offline, it is listed as not analysed.
    assert.equal(report.coverage.complete, false);
    assert.ok(
      report.coverage.skipped.some(
        (s) => s.path.startsWith('an-uncached-mcp-server') && s.code === 'offline-not-cached',
      ),
    );
  });

  it('--no-packages checks configs only', () => {
    const home = homeWithCachedPackage('postmark-bcc');
    const run = runCli(
      [
        'audit',
        '--no-packages',
        '--no-store',
        '--format',
        'json',
        '--cwd',
        home,
        '--system-root',
        join(home, '..', 'sys'),
      ],
      home,
    );
    const report = JSON.parse(run.stdout) as Report;
    assert.ok(!report.findings.some((f) => f.ruleId.startsWith('code/')));
    assert.deepEqual(
      report.targets.map((t) => t.kind),
      ['machine'],
    );
  });
});
