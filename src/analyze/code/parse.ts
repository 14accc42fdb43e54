import { parseSync } from 'oxc-parser';
import type { PackageFile } from '../../model/package.js';
import type { Skipped } from '../../model/coverage.js';
import { isNode, type AstNode } from './ast.js';
import { estimateNesting } from './prescan.js';

/** Bounds of the code analysis; every one is reported as a skipped entry when reached. */
export interface CodeLimits {
  /** Largest source file parsed, in bytes. */
  maxFileBytes: number;
  /** Deepest estimated nesting the parser is given (the native parser recurses). */
  maxNesting: number;
  /** Longest chain of binary operators in one expression. */
  maxChain: number;
  /** AST nodes indexed per file; past it the rest of the file is not indexed. */
  maxNodesPerFile: number;
  /** AST depth the walker descends to. */
  maxDepth: number;
}

export const DEFAULT_CODE_LIMITS: CodeLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxNesting: 2500,
  maxChain: 20000,
  maxNodesPerFile: 4_000_000,
  maxDepth: 10_000,
};

/** One parsed source file. */
export interface CodeFile {
  /** Path inside the package, posix separators. */
  readonly path: string;
  readonly source: string;
  readonly program: AstNode;
  /** Under a test or example folder, or named like a test. */
  readonly isTest: boolean;
  /** Offsets at which each line starts (UTF-16). */
  readonly lineStarts: readonly number[];
}

const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const TEST_FILE =
  /(?:^|\/)(?:tests?|__tests__|__mocks__|spec|specs|examples?|fixtures?|e2e)\/|\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/i;

/** Whether a package path is source code the analysis reads. */
export function isCodePath(path: string): boolean {
  return CODE_FILE.test(path) && !/\.d\.[cm]?ts$/i.test(path) && !/(?:^|\/)node_modules\//.test(path);
}

export function isTestPath(path: string): boolean {
  return TEST_FILE.test(path);
}

function lang(path: string): 'js' | 'jsx' | 'ts' | 'tsx' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'ts';
  if (lower.endsWith('.jsx')) return 'jsx';
  return 'js';
}

function sourceType(path: string): 'module' | 'commonjs' | 'unambiguous' {
  const lower = path.toLowerCase();
  if (/\.m[jt]s$/.test(lower)) return 'module';
  if (/\.c[jt]s$/.test(lower)) return 'commonjs';
  return 'unambiguous';
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x2028 || c === 0x2029) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

export type ParseOutcome = { ok: true; file: CodeFile } | { ok: false; skipped: Skipped };

function skip(path: string, code: string, reason: string): ParseOutcome {
  return { ok: false, skipped: { path, code, reason } };
}

/** Decodes and parses one package file within the limits; never throws for bad input. */
export function parseFile(file: PackageFile, limits: CodeLimits): ParseOutcome {
  if (file.data.length > limits.maxFileBytes)
    return skip(
      file.path,
      'too-large',
      `${file.path} is ${file.data.length} bytes; code analysis reads files up to ${limits.maxFileBytes} bytes`,
    );
  const source = new TextDecoder('utf-8', { fatal: false }).decode(file.data);
  const nesting = estimateNesting(source);
  if (nesting.depth > limits.maxNesting || nesting.chain > limits.maxChain)
    return skip(
      file.path,
      'too-deep',
      `${file.path} nests about ${nesting.depth} levels deep with operator chains of ${nesting.chain}; ` +
        `code analysis parses up to ${limits.maxNesting} levels and chains of ${limits.maxChain}`,
    );
  let program: unknown;
  let errors: readonly { message: string }[];
  try {
    const result = parseSync(file.path, source, {
      lang: lang(file.path),
      sourceType: sourceType(file.path),
      preserveParens: false,
    });
    errors = result.errors;
    program = errors.length === 0 ? result.program : undefined;
  } catch (error) {
    return skip(
      file.path,
      'parse-failed',
      `${file.path} could not be parsed: ${String(error).slice(0, 200)}`,
    );
  }
  const first = errors[0];
  if (first !== undefined || !isNode(program))
    return skip(
      file.path,
      'syntax-error',
      `${file.path} has ${errors.length} syntax error(s), first: ${(first?.message ?? 'no program').slice(0, 200)}`,
    );
  return {
    ok: true,
    file: {
      path: file.path,
      source,
      program,
      isTest: isTestPath(file.path),
      lineStarts: lineStartsOf(source),
    },
  };
}
