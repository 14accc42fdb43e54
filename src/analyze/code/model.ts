import type { PackageFile } from '../../model/package.js';
import type { Skipped } from '../../model/coverage.js';
import type { FileLocation } from '../../model/finding.js';
import { silentLogger, type Logger } from '../../model/logger.js';
import type { AstNode } from './ast.js';
import { callSite, calleeMatches, type CallSite } from './calls.js';
import { Engine } from './engine.js';
import { findToolHandlers, type ToolHandler } from './handlers.js';
import {
  DEFAULT_CODE_LIMITS,
  isCodePath,
  lineColOf,
  parseFile,
  type CodeFile,
  type CodeLimits,
} from './parse.js';
import { Resolver } from './resolve.js';
import { indexFile, type Binding } from './scopes.js';
import { Taint } from './taint.js';
import type { Value } from './values.js';

/** What rules read about a package's code. */
export interface CodeModel {
  /** Every parsed source file. */
  readonly files: readonly CodeFile[];
  /** Source files left out or only partly analysed, with reasons. */
  readonly skipped: readonly Skipped[];
  /** 1-based line and column of an offset in a file. */
  lineCol(file: CodeFile, offset: number): { line: number; column: number };
  /** The file location of a node. */
  locate(node: AstNode): FileLocation;
  fileOf(node: AstNode): CodeFile | undefined;
  parentOf(node: AstNode): AstNode | undefined;
  enclosingFunction(node: AstNode): AstNode | undefined;
  bindingOf(identifier: AstNode): Binding | undefined;
  /** The possible constant values of an expression; `{ kind: 'unknown' }` among them when not all are known. */
  resolve(node: AstNode): readonly Value[];
  /** Whether an expression derives from the arguments a tool caller supplied. */
  isTainted(node: AstNode): boolean;
  /** The tool whose handler contains a node, directly or through a function the handler calls. */
  toolFor(node: AstNode): ToolHandler | undefined;
  readonly tools: readonly ToolHandler[];
  readonly calls: readonly CallSite[];
  /** Calls whose callee path is `name` or ends with `.name`. */
  callsTo(...names: string[]): CallSite[];
  /** Object literals, assignments and classes of every file. */
  readonly objects: readonly { file: CodeFile; node: AstNode }[];
  readonly assignments: readonly { file: CodeFile; node: AstNode }[];
}

export interface AnalyzeCodeOptions {
  limits?: Partial<CodeLimits>;
  logger?: Logger;
}

/** Parses and indexes a package's JavaScript and TypeScript files; nothing is executed. */
export function analyzeCode(files: readonly PackageFile[], options: AnalyzeCodeOptions = {}): CodeModel {
  const limits: CodeLimits = { ...DEFAULT_CODE_LIMITS, ...options.limits };
  const logger = options.logger ?? silentLogger;
  const engine = new Engine();
  const resolver = new Resolver(engine);
  const parsed: CodeFile[] = [];
  const skipped: Skipped[] = [];
  const calls: CallSite[] = [];
  const objects: { file: CodeFile; node: AstNode }[] = [];
  const assignments: { file: CodeFile; node: AstNode }[] = [];
  const classes: { file: CodeFile; node: AstNode }[] = [];
  for (const packageFile of files) {
    if (!isCodePath(packageFile.path)) continue;
    const outcome = parseFile(packageFile, limits);
    if (!outcome.ok) {
      skipped.push(outcome.skipped);
      logger.debug(outcome.skipped.reason);
      continue;
    }
    const { file } = outcome;
    const index = indexFile(file, engine.parents, limits);
    engine.add(index);
    parsed.push(file);
    if (index.skipped) skipped.push(index.skipped);
    for (const node of index.calls) calls.push(callSite(engine, resolver, file, node));
    for (const node of index.objects) objects.push({ file, node });
    for (const node of index.assignments) assignments.push({ file, node });
    for (const node of index.classes) classes.push({ file, node });
  }
  const tools = findToolHandlers(engine, resolver, calls, classes);
  const taint = new Taint(engine, resolver, tools, calls);
  const toolMemo = new Map<AstNode, ToolHandler | undefined>();
  const toolFor = (node: AstNode): ToolHandler | undefined => {
    const branchTool = (handler: ToolHandler): ToolHandler => {
      const branch = handler.branches.find((b) => b.node.start <= node.start && node.end <= b.node.end);
      return branch ? { ...handler, name: branch.name } : handler;
    };
    for (let fn = engine.enclosingFunction(node); fn; fn = engine.enclosingFunction(fn)) {
      if (toolMemo.has(fn)) {
        const memo = toolMemo.get(fn);
        return memo && branchTool(memo);
      }
      const handler = taint.reached.get(fn);
      if (handler) {
        toolMemo.set(fn, handler);
        return branchTool(handler);
      }
    }
    return undefined;
  };
  return {
    files: parsed,
    skipped,
    lineCol: (file, offset) => lineColOf(file.lineStarts, offset),
    locate: (node) => {
      const file = engine.fileOf(node);
      if (!file) return { file: '?' };
      return { file: file.path, ...lineColOf(file.lineStarts, node.start) };
    },
    fileOf: (node) => engine.fileOf(node),
    parentOf: (node) => engine.parentOf(node),
    enclosingFunction: (node) => engine.enclosingFunction(node),
    bindingOf: (node) => engine.bindingOf(node),
    resolve: (node) => resolver.resolve(node),
    isTainted: (node) => taint.isTainted(node),
    toolFor,
    tools,
    calls,
    callsTo: (...names) => calls.filter((c) => names.some((n) => calleeMatches(c.callee, n))),
    objects,
    assignments,
  };
}
