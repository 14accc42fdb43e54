import { posix } from 'node:path';
import { child, children, str, unwrap, type AstNode } from './ast.js';
import type { FileIndex } from './scopes.js';

export type ExportEntry =
  | { kind: 'node'; node: AstNode }
  | { kind: 'local'; name: string }
  | { kind: 'reexport'; source: string; name: string };

/** What a module exports: ESM names, `export *` sources, CommonJS assignments. */
export interface ModuleExports {
  readonly named: Map<string, ExportEntry>;
  readonly stars: string[];
  /** Right-hand sides of `module.exports = …`. */
  readonly cjs: AstNode[];
}

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx', '.json'];
const SWAPS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};

/** The package path a relative specifier names, among the analysed files. */
export function resolveSpecifier(
  from: string,
  specifier: string,
  has: (path: string) => boolean,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base];
  const ext = posix.extname(base);
  for (const swap of SWAPS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + swap);
  for (const e of EXTENSIONS) candidates.push(base + e);
  for (const e of EXTENSIONS) candidates.push(`${base}/index${e}`);
  return candidates.find((c) => has(c));
}

function memberPath(node: AstNode): string[] | undefined {
  const parts: string[] = [];
  let current = unwrap(node);
  for (let i = 0; i < 8; i++) {
    if (current.type === 'Identifier') return [str(current, 'name') ?? '', ...parts];
    if (current.type !== 'MemberExpression') return undefined;
    const property = child(current, 'property');
    const name =
      current.computed === true
        ? property?.type === 'Literal'
          ? String(property.value)
          : undefined
        : property && str(property, 'name');
    if (name === undefined) return undefined;
    parts.unshift(name);
    current = unwrap(child(current, 'object') ?? current);
  }
  return undefined;
}

/** Reads the export statements and CommonJS assignments at the top level of a module. */
export function collectExports(index: FileIndex): ModuleExports {
  const result: ModuleExports = { named: new Map(), stars: [], cjs: [] };
  for (const statement of children(index.file.program, 'body')) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = child(statement, 'declaration');
      const source = str(child(statement, 'source') ?? statement, 'value');
      if (declaration?.type === 'VariableDeclaration') {
        for (const d of children(declaration, 'declarations')) {
          const id = child(d, 'id');
          const name = id && str(id, 'name');
          if (name !== undefined) result.named.set(name, { kind: 'local', name });
        }
      } else if (declaration) {
        const name = str(child(declaration, 'id') ?? declaration, 'name');
        if (name !== undefined) result.named.set(name, { kind: 'local', name });
      }
      for (const spec of children(statement, 'specifiers')) {
        const local = child(spec, 'local');
        const exported = child(spec, 'exported');
        const localName = local ? (str(local, 'name') ?? String(local.value)) : undefined;
        const exportedName = exported ? (str(exported, 'name') ?? String(exported.value)) : localName;
        if (localName === undefined || exportedName === undefined) continue;
        result.named.set(
          exportedName,
          source !== undefined
            ? { kind: 'reexport', source, name: localName }
            : { kind: 'local', name: localName },
        );
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = child(statement, 'declaration');
      if (declaration) result.named.set('default', { kind: 'node', node: declaration });
    } else if (statement.type === 'ExportAllDeclaration') {
      const source = str(child(statement, 'source') ?? statement, 'value');
      const exported = child(statement, 'exported');
      if (source === undefined) continue;
      if (exported) result.named.set(str(exported, 'name') ?? '*', { kind: 'reexport', source, name: '*' });
      else result.stars.push(source);
    } else if (statement.type === 'ExpressionStatement') {
      const expression = unwrap(child(statement, 'expression') ?? statement);
      if (expression.type !== 'AssignmentExpression' || str(expression, 'operator') !== '=') continue;
      const left = child(expression, 'left');
      const right = child(expression, 'right');
      const path = left ? memberPath(left) : undefined;
      if (!path || !right) continue;
      if (path.length === 2 && path[0] === 'module' && path[1] === 'exports') result.cjs.push(right);
      else if (path.length === 3 && path[0] === 'module' && path[1] === 'exports' && path[2] !== undefined)
        result.named.set(path[2], { kind: 'node', node: right });
      else if (path.length === 2 && path[0] === 'exports' && path[1] !== undefined)
        result.named.set(path[1], { kind: 'node', node: right });
    }
  }
  return result;
}
