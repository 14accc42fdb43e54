import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Report } from '../model/report.js';
import { SEVERITIES, atOrAbove, type Severity } from '../model/severity.js';
import { renderReport, type ReportFormat } from '../report/index.js';
import { ruleCatalog } from '../rules/index.js';

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type FailOn = Severity | 'none';

export interface OutputOptions {
  format?: ReportFormat;
  output?: string;
  failOn: FailOn;
  color: boolean;
  verbose: boolean;
}

export const formatOption = new Option(
  '--format <format>',
  'report format: text (default), json, sarif or html; with --output, guessed from the file extension',
).choices(FORMATS);

export const outputOption = new Option('-o, --output <file>', 'write the report to a file instead of stdout');

export const failOnOption = new Option(
  '--fail-on <severity>',
  'exit 1 when a finding is at or above this severity (critical, high, medium, low, info, none)',
)
  .choices([...SEVERITIES, 'none'])
  .default('high');

export function parseFormatFromFile(file: string): ReportFormat | undefined {
  switch (extname(file).toLowerCase()) {
    case '.json':
      return 'json';
    case '.sarif':
      return 'sarif';
    case '.html':
    case '.htm':
      return 'html';
    case '.txt':
      return 'text';
    default:
      return undefined;
  }
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** Renders and writes the report; returns the exit code the findings call for (0 or 1). */
export function emitReport(report: Report, options: OutputOptions): number {
  const format =
    options.format ?? (options.output ? parseFormatFromFile(options.output) : undefined) ?? 'text';
  const text = renderReport(format, report, ruleCatalog(), {
    color: options.color && !options.output && format === 'text',
    verbose: options.verbose,
    baseDir: process.cwd(),
  });
  if (options.output) writeFileSync(options.output, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return exitCodeFor(report, options.failOn);
}

export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  return report.findings.some((f) => atOrAbove(f.severity, failOn)) ? 1 : 0;
}
