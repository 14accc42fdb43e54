import { child, childNodes, children, isFunction, unwrap, type AstNode } from './ast.js';
import type { CallSite } from './calls.js';
import type { Engine } from './engine.js';
import type { ToolHandler } from './handlers.js';
import type { Resolver } from './resolve.js';
import { patternNames, type Binding } from './scopes.js';

const MAX_DEPTH = 32;
/** Call levels through which a handler's arguments are followed into package functions. */
const CALL_LEVELS = 2;

/** Whether values derive from a tool handler's arguments. */
export class Taint {
  private readonly sources = new Set<Binding>();
  private readonly memo = new Map<AstNode, boolean>();
  /** Handler functions and the package functions they pass arguments to. */
  readonly reached = new Map<AstNode, ToolHandler>();

  constructor(
    private readonly engine: Engine,
    private readonly resolver: Resolver,
    handlers: readonly ToolHandler[],
    calls: readonly CallSite[],
  ) {
    let level: AstNode[] = [];
    for (const handler of handlers) {
      if (!handler.handler || handler.style === 'sdk-list-handler') continue;
      this.markParams(
        handler.handler,
        handler.argParams.map((p) => children(handler.handler ?? p, 'params').indexOf(p)),
      );
      this.reached.set(handler.handler, handler);
      level.push(handler.handler);
    }
    for (let i = 0; i < CALL_LEVELS && level.length > 0; i++) level = this.propagate(level, calls);
  }

  private markParams(fn: AstNode, indexes: readonly number[]): void {
    const scope = this.engine.indexOf(fn)?.scopes.get(fn);
    const params = children(fn, 'params');
    for (const i of indexes) {
      const param = params[i];
      if (!param || !scope) continue;
      for (const d of patternNames(param)) {
        const binding = scope.bindings.get(String(d.id.name));
        if (binding) this.sources.add(binding);
      }
    }
  }

  private propagate(functions: readonly AstNode[], calls: readonly CallSite[]): AstNode[] {
    const next: AstNode[] = [];
    for (const fn of functions) {
      const file = this.engine.fileOf(fn);
      for (const call of calls) {
        if (call.file !== file || call.node.start < fn.start || call.node.end > fn.end) continue;
        const tainted = call.args.flatMap((arg, i) => (this.isTainted(arg) ? [i] : []));
        if (tainted.length === 0) continue;
        const callee = child(call.node, 'callee');
        const target = callee ? this.resolver.functionOf(callee) : undefined;
        if (!target || this.reached.has(target)) continue;
        const handler = this.reached.get(fn);
        if (handler) this.reached.set(target, handler);
        this.markParams(target, tainted);
        next.push(target);
      }
      this.memo.clear();
    }
    return next;
  }

  isTainted(node: AstNode): boolean {
    return this.at(node, 0);
  }

  private at(raw: AstNode, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = unwrap(raw);
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    this.memo.set(node, false);
    const result = this.compute(node, depth + 1);
    this.memo.set(node, result);
    return result;
  }

  private compute(node: AstNode, depth: number): boolean {
    if (isFunction(node)) return false;
    if (node.type === 'Identifier') {
      const binding = this.engine.bindingOf(node);
      if (!binding) return false;
      return this.binding(binding, depth);
    }
    if (node.type === 'MemberExpression') return this.at(child(node, 'object') ?? node, depth);
    return childNodes(node).some((kid) => this.at(kid, depth));
  }

  private binding(binding: Binding, depth: number): boolean {
    if (this.sources.has(binding)) return true;
    if (binding.kind === 'param' || binding.kind === 'import' || binding.kind === 'function') return false;
    if (binding.init && this.at(binding.init, depth)) return true;
    if (binding.defaultValue && this.at(binding.defaultValue, depth)) return true;
    return (
      binding.writes.some((w) => this.at(w, depth)) ||
      binding.memberWrites.some((w) => this.at(w.value, depth))
    );
  }
}
