import type { Report } from '../model/report.js';
import type { RuleMeta } from '../model/rule.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of every format; each renderer reads the ones it knows. */
export interface RenderOptions {
  /** text: ANSI colours. */
  color?: boolean;
  /** text: remediation, inventory and full evidence. */
  verbose?: boolean;
  /** sarif: files under this folder get `%SRCROOT%`-relative URIs. */
  baseDir?: string;
}

/** Renders the report in `format`; the result ends with a newline. */
export function renderReport(
  format: ReportFormat,
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  options: RenderOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderText(report, rules, {
        color: options.color ?? false,
        ...(options.verbose !== undefined ? { verbose: options.verbose } : {}),
      });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, rules, options.baseDir !== undefined ? { baseDir: options.baseDir } : {});
    case 'html':
      return renderHtml(report, rules);
  }
}

export { renderText, type TextOptions } from './text.js';
export { renderJson, orderedReport } from './json.js';
export { renderSarif, pascalCase, SARIF_SCHEMA, type SarifOptions } from './sarif.js';
export { renderHtml, escapeHtml, jsonForScript } from './html.js';
export { showInvisible } from './format.js';
export { toFileUri } from './file-uri.js';
