import { child, children, str, unwrap, type AstNode } from './ast.js';
import type { CodeFile } from './parse.js';
import { lookup, type Binding, type FileIndex, type Scope } from './scopes.js';

const PARENT = Symbol('parent');
type Linked = AstNode & { [PARENT]?: AstNode };

/** Parent links stored on the nodes themselves: a million-entry map costs more than the parse. */
export class ParentLinks {
  get(node: AstNode): AstNode | undefined {
    return (node as Linked)[PARENT];
  }

  set(node: AstNode, parent: AstNode): void {
    (node as Linked)[PARENT] = parent;
  }
}

/** The indexed files of one package and the lookups every analysis shares. */
export class Engine {
  readonly parents = new ParentLinks();
  readonly indexes = new Map<string, FileIndex>();
  private readonly scopes = new Map<AstNode, Scope>();
  private readonly byProgram = new Map<AstNode, FileIndex>();
  private readonly fileMemo = new Map<AstNode, FileIndex | undefined>();

  add(index: FileIndex): void {
    this.indexes.set(index.file.path, index);
    this.byProgram.set(index.file.program, index);
    for (const [node, scope] of index.scopes) this.scopes.set(node, scope);
  }

  /** The file a node belongs to. */
  indexOf(node: AstNode): FileIndex | undefined {
    if (this.fileMemo.has(node)) return this.fileMemo.get(node);
    let current: AstNode | undefined = node;
    const seen: AstNode[] = [];
    let found: FileIndex | undefined;
    while (current) {
      const memo = this.fileMemo.get(current);
      if (memo) {
        found = memo;
        break;
      }
      const program = this.byProgram.get(current);
      if (program) {
        found = program;
        break;
      }
      if (seen.length < 64) seen.push(current);
      current = this.parents.get(current);
    }
    for (const n of seen) this.fileMemo.set(n, found);
    return found;
  }

  fileOf(node: AstNode): CodeFile | undefined {
    return this.indexOf(node)?.file;
  }

  /** The innermost scope a node sits in. */
  scopeAt(node: AstNode): Scope | undefined {
    const index = this.indexOf(node);
    if (!index) return undefined;
    for (
      let current: AstNode | undefined = this.parents.get(node);
      current;
      current = this.parents.get(current)
    ) {
      const scope = index.scopes.get(current);
      if (scope) return scope;
    }
    return index.moduleScope;
  }

  /** The binding an identifier refers to, if it is declared in the package. */
  bindingOf(identifier: AstNode): Binding | undefined {
    const name = str(identifier, 'name');
    if (name === undefined) return undefined;
    const scope = identifier.type === 'Identifier' ? this.scopeAt(identifier) : undefined;
    return lookup(scope, name);
  }

  parentOf(node: AstNode): AstNode | undefined {
    return this.parents.get(node);
  }

  /** The innermost function containing a node. */
  enclosingFunction(node: AstNode): AstNode | undefined {
    for (let current = this.parents.get(node); current; current = this.parents.get(current))
      if (current.type.endsWith('FunctionExpression') || current.type === 'FunctionDeclaration')
        return current;
    return undefined;
  }
}

/** `require('x')` → `x`. */
export function requireSource(node: AstNode): string | undefined {
  const call = unwrap(node);
  if (call.type !== 'CallExpression') return undefined;
  const callee = child(call, 'callee');
  if (callee?.type !== 'Identifier' || str(callee, 'name') !== 'require') return undefined;
  const [arg] = children(call, 'arguments');
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined;
}
