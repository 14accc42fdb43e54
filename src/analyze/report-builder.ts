import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { SEVERITIES, compareSeverity, type Severity } from '../model/severity.js';
import { TOOL } from '../version.js';

export type ReportParts = Omit<Report, 'tool' | 'summary' | 'durationMs'> & { startedMs: number };

function locationSortKey(finding: Finding): string {
  const loc = finding.location;
  if ('tool' in loc) return `${loc.server}\0${loc.tool}\0${loc.field}`;
  return `${loc.file}\0${String(loc.line ?? 0).padStart(9, '0')}\0${String(loc.column ?? 0).padStart(6, '0')}`;
}

/** Most serious first, then by place; identical findings (same fingerprint) once. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true)));
  return unique.sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      a.target.localeCompare(b.target) ||
      locationSortKey(a).localeCompare(locationSortKey(b)) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

export function buildReport(parts: ReportParts): Report {
  const { startedMs, ...rest } = parts;
  const findings = sortFindings(parts.findings);
  return {
    tool: { ...TOOL },
    ...rest,
    findings,
    summary: summarize(findings),
    durationMs: Math.round(performance.now() - startedMs),
  };
}
