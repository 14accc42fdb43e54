import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { RuleMeta } from '../model/rule.js';
import { SEVERITIES } from '../model/severity.js';
import { formatWhere, plural, showInvisible } from './format.js';
import { HTML_CSP, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { orderedReport } from './json.js';

/*
 * One self-contained HTML file. Findings quote attacker-controlled files, so every string
 * from the report goes through `text()` (invisible characters shown, then HTML-escaped) and
 * is placed only in element content or double-quoted attributes. The report is also embedded
 * as JSON in a data block, escaped by `jsonForScript`.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Report text for display: invisible characters made visible, then escaped. */
function text(value: string | number | boolean): string {
  return escapeHtml(showInvisible(String(value)));
}

/**
 * JSON safe inside `<script type="application/json">`: no `<` (so no `</script>` or `<!--`),
 * `>` and `&` for good measure, and U+2028/2029 escaped so the text is also valid JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function table(headers: readonly string[], rows: readonly string[], attrs = ''): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return `<table${attrs}><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function cells(values: readonly string[]): string {
  return `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
}

function header(report: Report): string {
  const targets = report.targets.map((t) => `${text(t.kind)} <code>${text(t.ref)}</code>`).join(', ');
  return [
    `<header><h1>mcp-warden report</h1>`,
    `<p class="meta">${text(report.tool.name)} ${text(report.tool.version)} · command <code>${text(report.command)}</code>` +
      ` · started ${text(report.startedAt)} · ${text(report.durationMs)} ms` +
      (report.runId !== undefined ? ` · run ${text(report.runId)}` : '') +
      `</p>`,
    targets !== '' ? `<p class="meta">Targets: ${targets}</p>` : '',
    `</header>`,
  ].join('\n');
}

function banner(report: Report): string {
  if (!report.coverage.complete) {
    const skipped = report.coverage.skipped.length;
    const what =
      skipped > 0
        ? `${plural(skipped, 'item')} could not be analysed`
        : 'part of the target could not be analysed';
    return `<p class="banner" role="alert">INCOMPLETE: ${what}; this report does not cover them and is not a clean bill of health. See Coverage.</p>`;
  }
  if (report.findings.length === 0) return `<p class="banner clean">No findings.</p>`;
  return '';
}

function counts(report: Report): string {
  const items = SEVERITIES.map(
    (s) =>
      `<div class="count"><b class="sev-${s}">${text(report.summary[s])}</b><span class="sev sev-${s}">${s}</span></div>`,
  );
  return `<section id="summary" class="counts" aria-label="Findings by severity">${items.join('')}</section>`;
}

function findingRow(f: Finding): string {
  const evidence =
    f.evidence !== undefined ? `<pre>${text(f.evidence)}</pre>` : '<span class="muted">—</span>';
  return (
    `<tr data-severity="${escapeHtml(f.severity)}" data-rule="${escapeHtml(f.ruleId)}">` +
    `<td class="sev sev-${escapeHtml(f.severity)}">${text(f.severity)}</td>` +
    `<td><code>${text(f.ruleId)}</code></td>` +
    `<td>${text(f.title)}</td>` +
    `<td><code>${text(formatWhere(f))}</code></td>` +
    `<td>${text(f.message)}</td>` +
    `<td>${evidence}</td></tr>`
  );
}

function findings(report: Report, rules: ReadonlyMap<string, RuleMeta>): string {
  const out = [`<section id="findings-section"><h2>Findings (${report.findings.length})</h2>`];
  if (report.findings.length === 0) {
    out.push(`<p>No findings.</p></section>`);
    return out.join('\n');
  }
  const boxes = SEVERITIES.map(
    (s) =>
      `<label><input type="checkbox" data-filter="severity" value="${s}" checked> <span class="sev sev-${s}">${s}</span></label>`,
  ).join(' ');
  const ids = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const options = ids.map((id) => {
    const title = rules.get(id)?.title;
    return `<option value="${escapeHtml(id)}">${text(id)}${title !== undefined ? ` — ${text(title)}` : ''}</option>`;
  });
  out.push(
    `<div class="filters" role="search">${boxes}` +
      `<label>Rule <select id="filter-rule"><option value="">all rules</option>${options.join('')}</select></label>` +
      `<label>Search <input id="filter-text" type="search" placeholder="text in any column"></label>` +
      `<span class="muted"><span id="shown-count">${report.findings.length}</span> shown</span></div>`,
  );
  out.push(
    table(
      ['Severity', 'Rule', 'Title', 'Where', 'Message', 'Evidence'],
      report.findings.map(findingRow),
      ' id="findings"',
    ),
  );
  out.push(`<p id="no-match" hidden>No finding matches the filters.</p></section>`);
  return out.join('\n');
}

function ruleSection(report: Report, rules: ReadonlyMap<string, RuleMeta>): string {
  const metas = [...new Set(report.findings.map((f) => f.ruleId))]
    .sort()
    .map((id) => rules.get(id))
    .filter((m): m is RuleMeta => m !== undefined);
  if (metas.length === 0) return '';
  const rows = metas.map((m) =>
    cells([
      `<code>${text(m.id)}</code>`,
      text(m.title),
      `<span class="sev sev-${m.severity}">${text(m.severity)}</span>`,
      text(m.description),
      text(m.remediation),
      text(m.cwe.join(', ')),
    ]),
  );
  return `<section id="rules"><h2>Rules</h2>\n${table(['Rule', 'Title', 'Severity', 'What it finds', 'How to fix', 'CWE'], rows)}</section>`;
}

function changes(report: Report): string {
  if (report.changes === undefined) return '';
  if (report.changes.length === 0)
    return `<section id="changes"><h2>Inventory changes</h2><p>No changes since the last run.</p></section>`;
  const rows = report.changes.map((c) =>
    cells([
      text(c.kind),
      text(c.name),
      text(c.client),
      `<code>${text(c.configPath)}</code>`,
      c.details.map((d) => text(d)).join('<br>'),
    ]),
  );
  return `<section id="changes"><h2>Inventory changes since the last run (${report.changes.length})</h2>\n${table(['Change', 'Server', 'Client', 'Config', 'Details'], rows)}</section>`;
}

function inventory(report: Report): string {
  if (report.servers === undefined) return '';
  const rows = report.servers.map((s) =>
    cells([
      text(s.name) + (s.enabled ? '' : ' <span class="muted">(disabled)</span>'),
      text(s.client),
      text(s.scope),
      text(s.transport),
      `<code>${text(s.url ?? [s.command ?? '', ...s.args].join(' ').trim())}</code>`,
      text(s.envKeys.join(', ')),
      `<code>${text(s.configPath)}</code>`,
    ]),
  );
  const body =
    report.servers.length > 0
      ? table(['Name', 'Client', 'Scope', 'Transport', 'Command / URL', 'Env keys', 'Config'], rows)
      : '<p>No servers found.</p>';
  return `<section id="inventory"><h2>Inventory (${report.servers.length})</h2>\n${body}</section>`;
}

function packages(report: Report): string {
  if (report.packages === undefined || report.packages.length === 0) return '';
  const rows = report.packages.map((p) =>
    cells([text(p.name), text(p.version), `<code>${text(p.path)}</code>`]),
  );
  return `<section id="packages"><h2>Cached packages (${report.packages.length})</h2>\n${table(['Name', 'Version', 'Path'], rows)}</section>`;
}

function coverage(report: Report): string {
  const c = report.coverage;
  const out = [`<section id="coverage"><h2>Coverage</h2>`];
  out.push(
    `<p>${c.complete ? 'Complete' : '<strong>INCOMPLETE</strong>'} · files scanned: ${text(c.filesScanned)}` +
      (report.servers !== undefined ? ` · servers found: ${text(report.servers.length)}` : '') +
      (c.searched !== undefined
        ? ` · searched ${plural(c.searched.length, 'location')}, ${c.searched.filter((s) => s.found).length} found`
        : '') +
      `</p>`,
  );
  if (c.skipped.length > 0) {
    out.push(`<h3>Skipped (${c.skipped.length})</h3>`);
    out.push(
      table(
        ['Path', 'Code', 'Reason'],
        c.skipped.map((s) => cells([`<code>${text(s.path)}</code>`, text(s.code), text(s.reason)])),
      ),
    );
  }
  if (c.searched !== undefined && c.searched.length > 0) {
    out.push(`<h3>Searched</h3>`);
    out.push(
      table(
        ['Client', 'Scope', 'Path', 'Found'],
        c.searched.map((s) =>
          cells([
            text(s.client),
            text(s.scope),
            `<code>${text(s.configPath)}</code>`,
            s.found ? 'yes' : 'no',
          ]),
        ),
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/** The report as one self-contained HTML page with client-side filters and no external requests. */
export function renderHtml(report: Report, rules: ReadonlyMap<string, RuleMeta>): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>mcp-warden report: ${text(report.command)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    header(report),
    banner(report),
    counts(report),
    changes(report),
    findings(report, rules),
    ruleSection(report, rules),
    inventory(report),
    packages(report),
    coverage(report),
    `<script type="application/json" id="report-data">${jsonForScript(orderedReport(report))}</script>`,
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
