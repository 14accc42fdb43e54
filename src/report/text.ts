import { styleText } from 'node:util';
import type { Finding } from '../model/finding.js';
import type { InventoryChange, Report } from '../model/report.js';
import type { RuleMeta } from '../model/rule.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { formatWhere, groupBySeverity, plural, showInvisible, truncate } from './format.js';

export interface TextOptions {
  /** ANSI colours; the caller decides (a terminal that wants them, no `NO_COLOR`). */
  color: boolean;
  /** Adds each rule's remediation, the inventory and full-length evidence. */
  verbose?: boolean;
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: ['bold', 'red'],
  high: ['bold', 'red'],
  medium: ['bold', 'yellow'],
  low: ['bold', 'cyan'],
  info: 'gray',
};

const BADGE_STYLE: Record<Severity, Style> = { ...SEVERITY_STYLE, critical: ['bold', 'white', 'bgRed'] };

const CHANGE_MARK: Record<InventoryChange['kind'], string> = { added: '+', removed: '-', changed: '~' };

/** Evidence longer than this is cut in the default (not verbose) view. */
const EVIDENCE_MAX = 300;

class Writer {
  readonly lines: string[] = [];
  constructor(readonly color: boolean) {}

  style(format: Style, text: string): string {
    // The caller decided; do not let styleText second-guess it from process.stdout.
    return this.color ? styleText(format, text, { validateStream: false }) : text;
  }

  line(text = ''): void {
    this.lines.push(text);
  }
}

/** Report text is shown with invisible characters made visible: it comes from scanned files. */
const v = showInvisible;

function header(w: Writer, report: Report): void {
  const targets = report.targets.map((t) => `${t.kind} ${v(t.ref)}`).join(', ');
  w.line(
    `${w.style('bold', `${report.tool.name} ${v(report.tool.version)}`)} · ${v(report.command)}` +
      (targets !== '' ? ` · ${targets}` : ''),
  );
}

function changes(w: Writer, list: readonly InventoryChange[]): void {
  w.line();
  if (list.length === 0) {
    w.line('No inventory changes since the last run.');
    return;
  }
  w.line(w.style('bold', `Inventory changes since the last run (${list.length})`));
  for (const change of list) {
    const kind = `${CHANGE_MARK[change.kind]} ${change.kind}`.padEnd(9);
    w.line(`  ${kind} ${v(change.name)} (${v(change.client)}) ${w.style('dim', v(change.configPath))}`);
    for (const detail of change.details) w.line(`      ${v(detail)}`);
  }
}

function finding(w: Writer, f: Finding, rule: RuleMeta | undefined, verbose: boolean): void {
  const label = f.severity.toUpperCase();
  const badge = w.color ? w.style(BADGE_STYLE[f.severity], ` ${label} `) : `[${label}]`;
  w.line(`  ${badge} ${w.style('bold', v(f.title))} ${w.style('dim', `(${v(f.ruleId)})`)}`);
  w.line(`    at ${v(formatWhere(f))}`);
  w.line(`    ${v(f.message)}`);
  if (f.evidence !== undefined) {
    const evidence = verbose ? f.evidence : truncate(f.evidence, EVIDENCE_MAX);
    w.line(`    evidence: ${v(evidence)}`);
  }
  if (verbose && rule !== undefined) w.line(`    fix: ${v(rule.remediation)}`);
}

function findings(w: Writer, report: Report, rules: ReadonlyMap<string, RuleMeta>, verbose: boolean): void {
  for (const group of groupBySeverity(report.findings)) {
    w.line();
    w.line(
      w.style(SEVERITY_STYLE[group.severity], `${group.severity.toUpperCase()} (${group.findings.length})`),
    );
    for (const f of group.findings) finding(w, f, rules.get(f.ruleId), verbose);
  }
}

function inventory(w: Writer, report: Report): void {
  if (report.servers === undefined || report.servers.length === 0) return;
  w.line();
  w.line(w.style('bold', `Inventory (${report.servers.length})`));
  for (const s of report.servers) {
    const launch = s.url ?? [s.command ?? '', ...s.args].join(' ').trim();
    const disabled = s.enabled ? '' : ' [disabled]';
    w.line(`  ${v(s.name)} (${v(s.client)}, ${s.scope}, ${s.transport})${disabled} ${v(launch)}`);
    if (s.envKeys.length > 0) w.line(`      env: ${v(s.envKeys.join(', '))}`);
  }
}

function coverage(w: Writer, report: Report): void {
  const c = report.coverage;
  w.line();
  w.line(w.style('bold', 'Coverage'));
  if (c.searched !== undefined) {
    const found = c.searched.filter((s) => s.found).length;
    w.line(`  searched ${plural(c.searched.length, 'location')}, ${found} found`);
  }
  if (report.servers !== undefined) w.line(`  servers found: ${report.servers.length}`);
  if (report.packages !== undefined) w.line(`  cached packages: ${report.packages.length}`);
  w.line(`  files scanned: ${c.filesScanned}`);
  if (c.skipped.length > 0) {
    w.line(`  skipped: ${c.skipped.length}`);
    for (const s of c.skipped) w.line(`    ${v(s.path)}: ${v(s.reason)} [${v(s.code)}]`);
  }
  if (!c.complete) {
    const what =
      c.skipped.length > 0
        ? `${plural(c.skipped.length, 'item')} could not be analysed`
        : 'part of the target could not be analysed';
    w.line(
      w.style(
        ['bold', 'red'],
        `  INCOMPLETE: ${what}; this report does not cover them and is not a clean bill of health.`,
      ),
    );
  }
}

function summary(w: Writer, report: Report): void {
  w.line();
  if (report.findings.length === 0) {
    w.line(
      report.coverage.complete
        ? w.style('green', 'No findings.')
        : w.style('yellow', 'No findings in what could be analysed (coverage INCOMPLETE, see above).'),
    );
    return;
  }
  const counts = SEVERITIES.map((s) => {
    const text = `${report.summary[s]} ${s}`;
    return report.summary[s] > 0 ? w.style(SEVERITY_STYLE[s], text) : text;
  });
  w.line(`Summary: ${counts.join(', ')} (${plural(report.findings.length, 'finding')})`);
}

/** The report for a terminal: header, inventory changes, findings by severity, coverage, summary. */
export function renderText(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  options: TextOptions,
): string {
  const w = new Writer(options.color);
  const verbose = options.verbose ?? false;
  header(w, report);
  if (report.changes !== undefined) changes(w, report.changes);
  findings(w, report, rules, verbose);
  if (verbose) inventory(w, report);
  coverage(w, report);
  summary(w, report);
  return `${w.lines.join('\n')}\n`;
}
