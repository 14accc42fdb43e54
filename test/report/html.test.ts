import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ReportSchema } from '../../src/model/report.js';
import { escapeHtml, jsonForScript, renderHtml } from '../../src/report/index.js';
import { cleanReport, sampleReport, sampleRules } from './sample-report.js';

const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
const ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(document.domain)>';

function hostileReport() {
  const report = sampleReport();
  const [first, second] = report.findings;
  assert.ok(first && second);
  first.message = SCRIPT_PAYLOAD;
  first.evidence = ATTRIBUTE_PAYLOAD;
  first.title = "</script><script>alert('title')</script>";
  second.evidence = '</script><!-- \u2028\u2029 & more';
  const server = report.servers?.[0];
  assert.ok(server);
  server.name = `<svg onload=alert(2)>`;
  server.envKeys = ['"><b>KEY</b>'];
  report.coverage.skipped.push({
    path: '<iframe src=//evil.example>',
    code: 'x"y',
    reason: "it's <b>bold</b>",
  });
  return report;
}

function dataBlock(html: string): string {
  const match = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html);
  assert.ok(match?.[1] !== undefined, 'no data block');
  return match[1];
}

function inlineBlocks(html: string, tag: 'style' | 'script'): string[] {
  const re = tag === 'style' ? /<style>([^]*?)<\/style>/g : /<script>([^]*?)<\/script>/g;
  return [...html.matchAll(re)].map((m) => m[1] ?? '');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('renderHtml', () => {
  it('escapes every report string: hostile messages, evidence, names and paths appear only escaped', () => {
    const html = renderHtml(hostileReport(), sampleRules());
    for (const raw of [
      SCRIPT_PAYLOAD,
      ATTRIBUTE_PAYLOAD,
      '<img',
      '<svg',
      '<iframe',
      '<b>',
      "alert('title')</script>",
    ]) {
      assert.ok(!html.includes(raw), `raw payload in output: ${raw}`);
    }
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(document.domain)&gt;'));
    assert.ok(html.includes('&lt;svg onload=alert(2)&gt;'));
    assert.ok(html.includes('&quot;&gt;&lt;b&gt;KEY&lt;/b&gt;'));
    assert.ok(html.includes('it&#39;s &lt;b&gt;bold&lt;/b&gt;'));
    // Exactly the two inline scripts of the page, whatever the findings contain.
    assert.equal(html.match(/<script/g)?.length, 2);
    assert.equal(html.match(/<\/script>/g)?.length, 2);
  });

  it('embeds the report as JSON that cannot close its script block and parses back', () => {
    const report = hostileReport();
    const html = renderHtml(report, sampleRules());
    const block = dataBlock(html);
    assert.ok(!/[<>\u2028\u2029]/.test(block));
    assert.ok(block.includes('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'));
    assert.ok(block.includes('\\u2028\\u2029'));
    const parsed = ReportSchema.safeParse(JSON.parse(block));
    assert.ok(parsed.success);
    assert.deepEqual(parsed.data, report);
  });

  it('allows exactly its own style and script by hash and fetches nothing', () => {
    const html = renderHtml(sampleReport(), sampleRules());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp !== undefined);
    const [style] = inlineBlocks(html, 'style');
    const [script] = inlineBlocks(html, 'script');
    assert.ok(style !== undefined && script !== undefined);
    assert.equal(
      csp,
      `default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; base-uri 'none'; form-action 'none'`,
    );
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'));
    // No attribute that loads or links anything, no inline handlers or style attributes.
    assert.ok(!/\s(src|href|action|srcset|style|on[a-z]+)=/i.test(html.replace(dataBlock(html), '')));
  });

  it('shows counts, filters, findings, changes, inventory with env keys only, and coverage', () => {
    const html = renderHtml(sampleReport(), sampleRules());
    for (const part of [
      'id="summary"',
      'data-filter="severity" value="critical" checked',
      '<select id="filter-rule">',
      '<option value="code/hardcoded-recipient">code/hardcoded-recipient — Hard-coded recipient in an outbound payload</option>',
      '<input id="filter-text" type="search"',
      '<tr data-severity="critical" data-rule="code/hardcoded-recipient">',
      '<h2>Findings (6)</h2>',
      'Inventory changes since the last run (3)',
      '<h2>Inventory (3)</h2>',
      '<td>GITHUB_PERSONAL_ACCESS_TOKEN</td>',
      '<code>http://docs.internal.example:8080/mcp</code>',
      'INCOMPLETE: 2 items could not be analysed',
      '<h3>Skipped (2)</h3>',
      'YAML parse error at line 3, column 1',
      '<h3>Searched</h3>',
      'How to fix what config/plain-http finds.',
    ]) {
      assert.ok(html.includes(part), `missing: ${part}`);
    }
    assert.equal(html.match(/<tr data-severity=/g)?.length, 6);
  });

  it('says plainly when there is nothing to show', () => {
    const html = renderHtml(cleanReport(), sampleRules());
    assert.ok(html.includes('<p class="banner clean">No findings.</p>'));
    assert.ok(!html.includes('INCOMPLETE'));
    assert.ok(!html.includes('id="findings"'));
  });

  it('makes invisible and bidi characters visible', () => {
    const report = sampleReport();
    const first = report.findings[0];
    assert.ok(first);
    first.evidence = 'admin\u202etxt.exe\u200b';
    const html = renderHtml(report, sampleRules());
    assert.ok(html.includes('admin\\u202etxt.exe\\u200b'));
  });
});

describe('escapeHtml and jsonForScript', () => {
  it('escape the five HTML specials', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keep JSON equal after escaping', () => {
    const value = { s: '</script><!--&\u2028\u2029' };
    assert.deepEqual(JSON.parse(jsonForScript(value)), value);
  });
});
