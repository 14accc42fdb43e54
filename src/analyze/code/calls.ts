import { child, children, staticKey, str, unwrap, type AstNode } from './ast.js';
import { requireSource, type Engine } from './engine.js';
import type { CodeFile } from './parse.js';
import type { Resolver } from './resolve.js';
import { onlyString } from './values.js';

/** One call or `new` expression with its callee named as a dotted path. */
export interface CallSite {
  readonly file: CodeFile;
  readonly node: AstNode;
  /**
   * The callee as a path: imports and requires become the module name (`child_process.spawn`,
   * `node:` dropped), aliases are followed, an instance is named by its constructor or factory
   * (`postmark.ServerClient.sendEmail`, `nodemailer.createTransport().sendMail`); otherwise the
   * source names (`client.sendEmail`, `this.client.send`).
   */
  readonly callee: string;
  readonly isNew: boolean;
  readonly args: readonly AstNode[];
}

const MAX_STEPS = 12;

function moduleName(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** The dotted path of an expression used as a callee or receiver. */
export function pathOf(engine: Engine, resolver: Resolver, raw: AstNode, steps = 0): string | undefined {
  if (steps > MAX_STEPS) return undefined;
  const node = unwrap(raw);
  switch (node.type) {
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'Identifier': {
      const name = str(node, 'name');
      if (name === undefined) return undefined;
      const binding = engine.bindingOf(node);
      if (!binding) return name;
      if (binding.kind === 'import' && binding.importSource !== undefined) {
        const source = moduleName(binding.importSource);
        return binding.importName === 'default' || binding.importName === '*'
          ? source
          : `${source}.${binding.importName ?? ''}`;
      }
      if (
        (binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') &&
        binding.init &&
        binding.writes.length === 0
      ) {
        const base = pathOf(engine, resolver, binding.init, steps + 1);
        if (base === undefined) return name;
        return [base, ...binding.path.map(String)].join('.');
      }
      return name;
    }
    case 'MemberExpression': {
      const object = child(node, 'object');
      const key =
        staticKey(node) ??
        (node.computed === true ? onlyString(resolver.resolve(child(node, 'property') ?? node)) : undefined);
      if (!object || key === undefined) return undefined;
      const base = pathOf(engine, resolver, object, steps + 1);
      return base === undefined ? undefined : `${base}.${key}`;
    }
    case 'CallExpression': {
      const source = requireSource(node);
      if (source !== undefined) return moduleName(source);
      const callee = child(node, 'callee');
      const base = callee ? pathOf(engine, resolver, callee, steps + 1) : undefined;
      return base === undefined ? undefined : `${base}()`;
    }
    case 'NewExpression': {
      const callee = child(node, 'callee');
      return callee ? pathOf(engine, resolver, callee, steps + 1) : undefined;
    }
    case 'ImportExpression': {
      const source = child(node, 'source');
      return source?.type === 'Literal' && typeof source.value === 'string'
        ? moduleName(source.value)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Builds a call site whose callee path is computed on first use. */
export function callSite(engine: Engine, resolver: Resolver, file: CodeFile, node: AstNode): CallSite {
  let callee: string | undefined;
  return {
    file,
    node,
    get callee(): string {
      if (callee === undefined) {
        const target = child(node, 'callee');
        callee = (target && pathOf(engine, resolver, target)) ?? '?';
      }
      return callee;
    },
    isNew: node.type === 'NewExpression',
    args: children(node, 'arguments'),
  };
}

/** Whether a callee path is `name` or ends with `.name`. */
export function calleeMatches(callee: string, name: string): boolean {
  return callee === name || callee.endsWith(`.${name}`);
}
