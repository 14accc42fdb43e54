import { child, unwrap, type AstNode, type CodeModel } from '../../../analyze/code/index.js';

function str(node: AstNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function within(node: AstNode, scope: AstNode): boolean {
  return scope.start <= node.start && node.end <= scope.end;
}

/** The name a function is known by: its declaration, or the variable, property or method it is assigned to. */
export function functionName(model: CodeModel, fn: AstNode): string | undefined {
  const id = child(fn, 'id');
  if (id) return str(id, 'name');
  const parent = model.parentOf(fn);
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator') {
    const target = child(parent, 'id');
    return target ? str(target, 'name') : undefined;
  }
  if (
    parent.type === 'Property' ||
    parent.type === 'MethodDefinition' ||
    parent.type === 'PropertyDefinition'
  ) {
    const key = child(parent, 'key');
    return key ? str(key, 'name') : undefined;
  }
  return undefined;
}

/** The enclosing functions of a node, innermost first, at most `levels`. */
export function enclosingFunctions(model: CodeModel, node: AstNode, levels: number): AstNode[] {
  const out: AstNode[] = [];
  for (let fn = model.enclosingFunction(node); fn && out.length < levels; fn = model.enclosingFunction(fn))
    out.push(fn);
  return out;
}

/**
 * Whether data produced at `source` plausibly reaches `sink`: the sink is in the same function (or one
 * enclosing it, two levels up), in the same top-level code, or in a function of the same file that calls
 * the source's function by name.
 */
export function reaches(model: CodeModel, source: AstNode, sink: AstNode): boolean {
  if (model.fileOf(source) !== model.fileOf(sink)) return false;
  const sourceFns = enclosingFunctions(model, source, 2);
  if (sourceFns.length === 0) return model.enclosingFunction(sink) === undefined;
  if (sourceFns.some((fn) => within(sink, fn))) return true;
  const names = sourceFns.flatMap((fn) => functionName(model, fn) ?? []);
  if (names.length === 0) return false;
  const sinkScope = model.enclosingFunction(sink);
  return model.calls.some((call) => {
    if (sinkScope ? !within(call.node, sinkScope) : model.enclosingFunction(call.node) !== undefined)
      return false;
    if (model.fileOf(call.node) !== model.fileOf(sink)) return false;
    const callee = unwrap(child(call.node, 'callee') ?? call.node);
    const name =
      callee.type === 'Identifier' ? str(callee, 'name') : str(child(callee, 'property') ?? callee, 'name');
    return name !== undefined && names.includes(name);
  });
}
