import { child, children, childNodes, isFunction, str, unwrap, type AstNode } from './ast.js';
import type { CodeFile, CodeLimits } from './parse.js';
import type { Skipped } from '../../model/coverage.js';
import type { ParentLinks } from './engine.js';

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch';
export type PathStep = string | number;

/** A declared name and everything that gives it a value. */
export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly file: CodeFile;
  readonly id: AstNode;
  readonly scope: Scope;
  /** The initialiser; for a destructuring declaration, the whole right-hand side. */
  readonly init: AstNode | undefined;
  /** Where in `init` the value sits, for destructuring (`const { a: [b] } = x` → `['a', 0]`). */
  readonly path: readonly PathStep[];
  readonly defaultValue: AstNode | undefined;
  /** For a parameter, its function; for a function declaration, the function itself. */
  readonly fn: AstNode | undefined;
  readonly paramIndex: number | undefined;
  readonly importSource: string | undefined;
  /** `default`, `*` or the exported name. */
  readonly importName: string | undefined;
  /** Right-hand sides of plain assignments (`x = …`). */
  readonly writes: AstNode[];
  /** Set when some write gives no usable value (`x++`, `x += …`, destructuring assignment). */
  unknownWrite: boolean;
  /** `x.key = value` writes, as the member expression and the value. */
  readonly memberWrites: { member: AstNode; value: AstNode }[];
  /** Sources merged by `Object.assign(x, …)`. */
  readonly assigns: AstNode[];
}

export interface Scope {
  readonly node: AstNode;
  readonly parent: Scope | undefined;
  readonly isFunction: boolean;
  readonly bindings: Map<string, Binding>;
}

/** What the walk of one file produced. */
export interface FileIndex {
  readonly file: CodeFile;
  readonly moduleScope: Scope;
  readonly scopes: Map<AstNode, Scope>;
  /** Call and `new` expressions, in source order. */
  readonly calls: AstNode[];
  readonly functions: AstNode[];
  readonly classes: AstNode[];
  readonly objects: AstNode[];
  readonly assignments: AstNode[];
  readonly skipped: Skipped | undefined;
}

interface PendingWrite {
  scope: Scope;
  name: string;
  apply(binding: Binding): void;
}

function newScope(node: AstNode, parent: Scope | undefined, isFunction: boolean): Scope {
  return { node, parent, isFunction, bindings: new Map() };
}

function functionScope(scope: Scope): Scope {
  let current = scope;
  while (!current.isFunction && current.parent) current = current.parent;
  return current;
}

export function lookup(scope: Scope | undefined, name: string): Binding | undefined {
  for (let s = scope; s; s = s.parent) {
    const found = s.bindings.get(name);
    if (found) return found;
  }
  return undefined;
}

interface Declared {
  id: AstNode;
  path: PathStep[];
  defaultValue: AstNode | undefined;
}

/** The identifiers a binding pattern declares, with their paths into the value. */
export function patternNames(pattern: AstNode): Declared[] {
  const out: Declared[] = [];
  const stack: { node: AstNode; path: PathStep[]; def: AstNode | undefined }[] = [
    { node: pattern, path: [], def: undefined },
  ];
  while (stack.length > 0 && out.length < 256) {
    const { node, path, def } = stack.pop() ?? { node: pattern, path: [], def: undefined };
    if (path.length > 16) continue;
    switch (node.type) {
      case 'Identifier':
        out.push({ id: node, path, defaultValue: def });
        break;
      case 'AssignmentPattern': {
        const left = child(node, 'left');
        if (left) stack.push({ node: left, path, def: child(node, 'right') });
        break;
      }
      case 'RestElement': {
        const arg = child(node, 'argument');
        if (arg) stack.push({ node: arg, path: [...path, '...'], def: undefined });
        break;
      }
      case 'TSParameterProperty': {
        const param = child(node, 'parameter');
        if (param) stack.push({ node: param, path, def });
        break;
      }
      case 'ObjectPattern':
        for (const prop of children(node, 'properties')) {
          const value = child(prop, 'value');
          if (prop.type === 'RestElement') stack.push({ node: prop, path, def: undefined });
          else if (value) {
            const key = child(prop, 'key');
            const name =
              prop.computed === true
                ? key?.type === 'Literal'
                  ? String(key.value)
                  : '?'
                : key
                  ? (str(key, 'name') ?? String(key.value))
                  : '?';
            stack.push({ node: value, path: [...path, name], def: undefined });
          }
        }
        break;
      case 'ArrayPattern': {
        const elements = node.elements;
        if (Array.isArray(elements))
          elements.forEach((element: unknown, i) => {
            if (element && typeof element === 'object')
              stack.push({ node: element as AstNode, path: [...path, i], def: undefined });
          });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

const BLOCK_SCOPES: ReadonlySet<string> = new Set([
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'SwitchStatement',
  'CatchClause',
  'ClassBody',
]);

/** Walks one file iteratively: parents, scopes, bindings and the node lists rules ask for. */
export function indexFile(file: CodeFile, parents: ParentLinks, limits: CodeLimits): FileIndex {
  const moduleScope = newScope(file.program, undefined, true);
  const scopes = new Map<AstNode, Scope>([[file.program, moduleScope]]);
  const index: FileIndex & { skipped: Skipped | undefined } = {
    file,
    moduleScope,
    scopes,
    calls: [],
    functions: [],
    classes: [],
    objects: [],
    assignments: [],
    skipped: undefined,
  };
  const pending: PendingWrite[] = [];
  const declare = (
    scope: Scope,
    kind: BindingKind,
    declared: Declared,
    extra: {
      init?: AstNode | undefined;
      fn?: AstNode;
      paramIndex?: number;
      source?: string;
      importName?: string;
    },
  ): void => {
    const name = str(declared.id, 'name');
    if (name === undefined) return;
    const existing = scope.bindings.get(name);
    if (existing && kind === 'var') {
      if (extra.init) existing.writes.push(extra.init);
      return;
    }
    scope.bindings.set(name, {
      name,
      kind,
      file,
      id: declared.id,
      scope,
      init: extra.init,
      path: declared.path,
      defaultValue: declared.defaultValue,
      fn: extra.fn,
      paramIndex: extra.paramIndex,
      importSource: extra.source,
      importName: extra.importName,
      writes: [],
      unknownWrite: false,
      memberWrites: [],
      assigns: [],
    });
  };

  const stack: { node: AstNode; scope: Scope; depth: number }[] = [
    { node: file.program, scope: moduleScope, depth: 0 },
  ];
  let count = 0;
  let deepest = false;
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { node, depth } = frame;
    let scope = frame.scope;
    if (++count > limits.maxNodesPerFile) {
      index.skipped = {
        path: file.path,
        code: 'node-budget',
        reason: `${file.path} has more than ${limits.maxNodesPerFile} syntax nodes; the rest of it was not analysed`,
      };
      break;
    }
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        index.functions.push(node);
        const id = child(node, 'id');
        const inner = newScope(node, scope, true);
        if (id && node.type === 'FunctionDeclaration')
          declare(scope, 'function', { id, path: [], defaultValue: undefined }, { fn: node });
        else if (id) declare(inner, 'function', { id, path: [], defaultValue: undefined }, { fn: node });
        children(node, 'params').forEach((param, paramIndex) => {
          for (const d of patternNames(param)) declare(inner, 'param', d, { fn: node, paramIndex });
        });
        scopes.set(node, inner);
        scope = inner;
        break;
      }
      case 'ClassDeclaration':
      case 'ClassExpression': {
        index.classes.push(node);
        const id = child(node, 'id');
        if (id && node.type === 'ClassDeclaration')
          declare(scope, 'class', { id, path: [], defaultValue: undefined }, {});
        break;
      }
      case 'VariableDeclaration': {
        const kind = str(node, 'kind');
        const target = kind === 'var' ? functionScope(scope) : scope;
        const bindingKind: BindingKind = kind === 'const' ? 'const' : kind === 'var' ? 'var' : 'let';
        for (const declarator of children(node, 'declarations')) {
          const id = child(declarator, 'id');
          if (id)
            for (const d of patternNames(id))
              declare(target, bindingKind, d, { init: child(declarator, 'init') });
        }
        break;
      }
      case 'ImportDeclaration': {
        const source = str(child(node, 'source') ?? node, 'value');
        for (const spec of children(node, 'specifiers')) {
          const local = child(spec, 'local');
          if (!local || source === undefined) continue;
          const imported = child(spec, 'imported');
          const importName =
            spec.type === 'ImportDefaultSpecifier'
              ? 'default'
              : spec.type === 'ImportNamespaceSpecifier'
                ? '*'
                : imported
                  ? (str(imported, 'name') ?? String(imported.value))
                  : 'default';
          declare(
            moduleScope,
            'import',
            { id: local, path: [], defaultValue: undefined },
            { source, importName },
          );
        }
        break;
      }
      case 'CallExpression':
      case 'NewExpression':
        index.calls.push(node);
        recordObjectAssign(node, scope, pending);
        break;
      case 'ObjectExpression':
        index.objects.push(node);
        break;
      case 'AssignmentExpression':
        index.assignments.push(node);
        recordAssignment(node, scope, pending);
        break;
      case 'UpdateExpression': {
        const arg = unwrap(child(node, 'argument') ?? node);
        const name = arg.type === 'Identifier' ? str(arg, 'name') : undefined;
        if (name !== undefined) pending.push({ scope, name, apply: (b) => (b.unknownWrite = true) });
        break;
      }
      default:
        break;
    }
    if (BLOCK_SCOPES.has(node.type) && !scopes.has(node)) {
      const parent = parents.get(node);
      if (!(node.type === 'BlockStatement' && parent && isFunction(parent))) {
        const inner = newScope(node, scope, false);
        scopes.set(node, inner);
        scope = inner;
        if (node.type === 'CatchClause') {
          const param = child(node, 'param');
          if (param) for (const d of patternNames(param)) declare(inner, 'catch', d, {});
        }
      }
    }
    if (depth >= limits.maxDepth) {
      deepest = true;
      continue;
    }
    const kids = childNodes(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (!kid) continue;
      parents.set(kid, node);
      stack.push({ node: kid, scope, depth: depth + 1 });
    }
  }
  if (deepest && !index.skipped)
    index.skipped = {
      path: file.path,
      code: 'too-deep',
      reason: `${file.path} nests deeper than ${limits.maxDepth} syntax levels; deeper parts were not analysed`,
    };
  for (const write of pending) {
    const binding = lookup(write.scope, write.name);
    if (binding) write.apply(binding);
  }
  return index;
}

function recordAssignment(node: AstNode, scope: Scope, pending: PendingWrite[]): void {
  const left = child(node, 'left');
  const right = child(node, 'right');
  if (!left) return;
  const operator = str(node, 'operator');
  const target = unwrap(left);
  if (target.type === 'Identifier') {
    const name = str(target, 'name');
    if (name === undefined) return;
    pending.push({
      scope,
      name,
      apply: (b) => {
        if (operator === '=' && right) b.writes.push(right);
        else b.unknownWrite = true;
      },
    });
  } else if (target.type === 'MemberExpression') {
    let object = unwrap(child(target, 'object') ?? target);
    while (object.type === 'MemberExpression') object = unwrap(child(object, 'object') ?? object);
    const name = object.type === 'Identifier' ? str(object, 'name') : undefined;
    if (name === undefined || !right) return;
    pending.push({
      scope,
      name,
      apply: (b) => {
        if (operator === '=') b.memberWrites.push({ member: target, value: right });
      },
    });
  } else {
    for (const d of patternNames(target))
      pending.push({ scope, name: str(d.id, 'name') ?? '', apply: (b) => (b.unknownWrite = true) });
  }
}

function recordObjectAssign(node: AstNode, scope: Scope, pending: PendingWrite[]): void {
  const callee = unwrap(child(node, 'callee') ?? node);
  if (callee.type !== 'MemberExpression') return;
  const object = child(callee, 'object');
  const property = child(callee, 'property');
  if (
    object?.type !== 'Identifier' ||
    str(object, 'name') !== 'Object' ||
    str(property ?? node, 'name') !== 'assign'
  )
    return;
  const [first, ...sources] = children(node, 'arguments');
  const target = first ? unwrap(first) : undefined;
  const name = target?.type === 'Identifier' ? str(target, 'name') : undefined;
  if (name === undefined) return;
  pending.push({ scope, name, apply: (b) => b.assigns.push(...sources) });
}
