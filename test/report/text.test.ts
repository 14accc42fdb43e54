import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderText } from '../../src/report/index.js';
import { cleanReport, sampleReport, sampleRules } from './sample-report.js';

const ESC = '\u001b';

function lines(text: string): string[] {
  return text.split('\n');
}

function indexOfLine(text: string, predicate: (line: string) => boolean): number {
  return lines(text).findIndex(predicate);
}

describe('renderText', () => {
  it('starts with a header naming the tool, command and targets', () => {
    const [first] = lines(renderText(sampleReport(), sampleRules(), { color: false }));
    assert.equal(
      first,
      'mcp-warden 0.1.0 · audit · machine /home/alice, package postmark-mcp@1.0.16, tools /home/alice/tools/weather tools.json',
    );
  });

  it('groups findings by severity, critical first, then coverage, then the summary', () => {
    const text = renderText(sampleReport(), sampleRules(), { color: false });
    const order = ['CRITICAL (1)', 'HIGH (2)', 'MEDIUM (1)', 'LOW (1)', 'INFO (1)', 'Coverage'].map(
      (heading) => indexOfLine(text, (line) => line === heading),
    );
    assert.ok(
      order.every((i) => i > 0),
      `missing a heading: ${order.join(',')}`,
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    assert.equal(lines(text).at(-2), 'Summary: 1 critical, 2 high, 1 medium, 1 low, 1 info (6 findings)');
  });

  it('shows each finding with badge, title, rule id, place, message and evidence', () => {
    const text = renderText(sampleReport(), sampleRules(), { color: false });
    const at = indexOfLine(text, (line) => line.includes('Hard-coded recipient'));
    assert.deepEqual(lines(text).slice(at, at + 4), [
      '  [CRITICAL] Hard-coded recipient in an outbound payload (code/hardcoded-recipient)',
      '    at index.js:133:5 (in postmark-mcp@1.0.16)',
      '    Every message sent through send_email is also sent to phan@giftshop.club.',
      "    evidence: Bcc: 'phan@giftshop.club'",
    ]);
    assert.ok(
      text.includes(
        '    at tool weather/get_forecast, field description (/home/alice/tools/weather tools.json)',
      ),
    );
    assert.ok(
      text.includes(
        '    at /home/alice/.cursor/mcp.json:7:9 (server github, field env.GITHUB_PERSONAL_ACCESS_TOKEN)',
      ),
    );
    assert.ok(text.includes('    at /home/alice/my projects/app/.vscode/mcp.json (server docs, field url)'));
  });

  it('adds the remediation only when verbose', () => {
    const fix = '    fix: Remove the fixed recipient; only send mail where the caller asked.';
    assert.ok(!lines(renderText(sampleReport(), sampleRules(), { color: false })).includes(fix));
    assert.ok(
      lines(renderText(sampleReport(), sampleRules(), { color: false, verbose: true })).includes(fix),
    );
  });

  it('lists inventory changes since the last run with their details', () => {
    const text = renderText(sampleReport(), sampleRules(), { color: false });
    const at = indexOfLine(text, (line) => line === 'Inventory changes since the last run (3)');
    assert.ok(at > 0);
    assert.deepEqual(lines(text).slice(at + 1, at + 6), [
      '  + added   docs (vscode) /home/alice/my projects/app/.vscode/mcp.json',
      '  ~ changed github (cursor) /home/alice/.cursor/mcp.json',
      '      args: -y @modelcontextprotocol/server-github@0.6.2 → -y @modelcontextprotocol/server-github',
      '      envKeys: (none) → GITHUB_PERSONAL_ACCESS_TOKEN',
      '  - removed postmark (cursor) /home/alice/.cursor/mcp.json',
    ]);
  });

  it('reports coverage with every skipped item and a loud INCOMPLETE line', () => {
    const text = renderText(sampleReport(), sampleRules(), { color: false });
    for (const line of [
      '  searched 4 locations, 3 found',
      '  servers found: 3',
      '  files scanned: 12',
      '  skipped: 2',
      '    /home/alice/.continue/config.yaml: YAML parse error at line 3, column 1 [parse-error]',
      '    package/dist/bundle.min.js: larger than the 5 MB limit [too-large]',
      '  INCOMPLETE: 2 items could not be analysed; this report does not cover them and is not a clean bill of health.',
    ]) {
      assert.ok(lines(text).includes(line), `missing: ${line}`);
    }
  });

  it('never looks clean when nothing was found but coverage is incomplete', () => {
    const report = cleanReport();
    report.coverage = {
      complete: false,
      filesScanned: 0,
      skipped: [{ path: '/x/mcp.json', code: 'not-readable', reason: 'permission denied' }],
    };
    const text = renderText(report, sampleRules(), { color: false });
    assert.ok(text.includes('INCOMPLETE: 1 item could not be analysed'));
    assert.equal(
      lines(text).at(-2),
      'No findings in what could be analysed (coverage INCOMPLETE, see above).',
    );
    assert.ok(!lines(text).includes('No findings.'));
  });

  it('says so in one line when there are no findings', () => {
    const text = renderText(cleanReport(), sampleRules(), { color: false });
    assert.equal(lines(text).filter((line) => line.includes('No findings')).length, 1);
    assert.equal(lines(text).at(-2), 'No findings.');
    assert.ok(!text.includes('INCOMPLETE'));
    assert.ok(!text.includes('Summary:'));
  });

  it('has no escape codes without colour, and uses them with colour', () => {
    assert.ok(!renderText(sampleReport(), sampleRules(), { color: false, verbose: true }).includes(ESC));
    assert.ok(renderText(sampleReport(), sampleRules(), { color: true }).includes(`${ESC}[`));
  });

  it('shows control, bidi and hidden characters from scanned files instead of passing them to the terminal', () => {
    const report = sampleReport();
    const first = report.findings[0];
    assert.ok(first);
    first.message = `ok${ESC}[2J${ESC}]0;pwned\u0007\rfake line`;
    first.evidence = 'admin\u202e//txt.exe\u2066 tag\u{e0041}\u200b';
    for (const color of [false, true]) {
      const text = renderText(report, sampleRules(), { color });
      assert.ok(text.includes('ok\\u001b[2J\\u001b]0;pwned\\u0007\\u000dfake line'));
      assert.ok(text.includes('evidence: admin\\u202e//txt.exe\\u2066 tag\\u{e0041}\\u200b'));
      for (const raw of ['\u0007', '\r', '\u202e', '\u2066', '\u200b', '\u{e0041}'])
        assert.ok(!text.includes(raw));
      if (!color) assert.ok(!text.includes(ESC));
    }
  });

  it('cuts very long evidence unless verbose', () => {
    const report = sampleReport();
    const first = report.findings[0];
    assert.ok(first);
    first.evidence = 'x'.repeat(1000);
    assert.ok(
      renderText(report, sampleRules(), { color: false }).includes(
        `evidence: ${'x'.repeat(300)}… (700 more characters)`,
      ),
    );
    assert.ok(
      renderText(report, sampleRules(), { color: false, verbose: true }).includes(
        `evidence: ${'x'.repeat(1000)}\n`,
      ),
    );
  });

  it('lists the inventory with env keys only when verbose', () => {
    const text = renderText(sampleReport(), sampleRules(), { color: false, verbose: true });
    assert.ok(text.includes('  github (cursor, user, stdio) npx -y @modelcontextprotocol/server-github'));
    assert.ok(text.includes('      env: GITHUB_PERSONAL_ACCESS_TOKEN'));
    assert.ok(text.includes('filesystem (claude-desktop, user, stdio) [disabled]'));
    assert.ok(!renderText(sampleReport(), sampleRules(), { color: false }).includes('Inventory ('));
  });
});
