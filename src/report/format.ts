import { isToolLocation, type Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';

/*
 * Helpers shared by the human-readable reporters (text and HTML). Report strings come from
 * scanned files, so they are shown with invisible and control characters made visible.
 */

/**
 * C0/C1 controls (tab excepted), DEL, zero-width and bidirectional formatting characters,
 * line/paragraph separators, and the tag and variation-selector supplement planes used to
 * smuggle hidden text: anything that can move the cursor, rewrite a terminal line, hide
 * text or reorder what is displayed.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are the characters to find
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

function escapeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** Replaces characters that would be invisible or act on the display with a visible `\uXXXX` or `\u{XXXXX}`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, escapeCodePoint);
}

/** Shortens `text` to `max` characters, saying how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/** Where a finding is: `file:line:column`, or the tool and field it is in. */
export function formatWhere(finding: Finding): string {
  const loc = finding.location;
  if (isToolLocation(loc)) {
    const where = `tool ${loc.server}/${loc.tool}, field ${loc.field}`;
    return finding.target !== loc.server ? `${where} (${finding.target})` : where;
  }
  let where = loc.file;
  if (loc.line !== undefined) {
    where += `:${loc.line}`;
    if (loc.column !== undefined) where += `:${loc.column}`;
  }
  const extras: string[] = [];
  if (loc.server !== undefined) extras.push(`server ${loc.server}`);
  if (loc.field !== undefined) extras.push(`field ${loc.field}`);
  if (finding.target !== loc.file) extras.push(`in ${finding.target}`);
  return extras.length > 0 ? `${where} (${extras.join(', ')})` : where;
}

/** Findings by severity, most serious first; empty groups are left out. Order within a group is kept. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
