import { child, childNodes, children, isFunction, staticKey, str, unwrap, type AstNode } from './ast.js';
import { calleeMatches, pathOf, type CallSite } from './calls.js';
import type { Engine } from './engine.js';
import type { CodeFile } from './parse.js';
import type { Resolver } from './resolve.js';
import { onlyString, type Value } from './values.js';

export type ToolStyle =
  'sdk-tool' | 'sdk-register-tool' | 'sdk-call-handler' | 'sdk-list-handler' | 'fastmcp' | 'mcp-framework';

/** A branch of a low-level call handler taken for one tool name. */
export interface ToolBranch {
  readonly name: string;
  /** The `case` clause or the `if` consequent. */
  readonly node: AstNode;
}

/** One MCP tool registration and the function that runs when the tool is called. */
export interface ToolHandler {
  readonly style: ToolStyle;
  /** The tool's name when it resolves to a constant; low-level handlers name tools per branch. */
  readonly name: string | undefined;
  readonly file: CodeFile;
  /** The registering call, `addTool` object or class. */
  readonly registration: AstNode;
  readonly handler: AstNode | undefined;
  /** The parameters that receive the caller's arguments (the request, for a low-level handler). */
  readonly argParams: readonly AstNode[];
  readonly branches: readonly ToolBranch[];
}

function lastFunction(resolver: Resolver, args: readonly AstNode[]): AstNode | undefined {
  const last = args.at(-1);
  return last ? resolver.functionOf(last) : undefined;
}

function firstParam(fn: AstNode | undefined): AstNode[] {
  const first = fn ? children(fn, 'params')[0] : undefined;
  return first ? [first] : [];
}

function fnOfValues(values: readonly Value[]): AstNode | undefined {
  const fn = values.find((v) => v.kind === 'function');
  return fn?.kind === 'function' ? fn.node : undefined;
}

/** The tool names a low-level handler dispatches on: `switch (name) { case 'x': … }`, `if (name === 'x')`. */
function branchesOf(resolver: Resolver, fn: AstNode): ToolBranch[] {
  const out: ToolBranch[] = [];
  const stack: AstNode[] = [fn];
  let budget = 200_000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === 'SwitchCase') {
      const test = child(node, 'test');
      const name = test ? onlyString(resolver.resolve(test)) : undefined;
      if (name !== undefined) out.push({ name, node });
    } else if (node.type === 'IfStatement') {
      const test = unwrap(child(node, 'test') ?? node);
      const operator = str(test, 'operator');
      const consequent = child(node, 'consequent');
      if (test.type === 'BinaryExpression' && (operator === '===' || operator === '==') && consequent) {
        const sides = [child(test, 'left'), child(test, 'right')];
        const literal = sides.find((s) => s?.type === 'Literal');
        const other = sides.find((s) => s !== literal);
        const name = literal ? onlyString(resolver.resolve(literal)) : undefined;
        const text = other
          ? other.type === 'Identifier'
            ? str(other, 'name')
            : staticKey(other)
          : undefined;
        if (name !== undefined && text !== undefined && /name$/i.test(text))
          out.push({ name, node: consequent });
      }
    }
    const kids = childNodes(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
  return out;
}

function fromCall(engine: Engine, resolver: Resolver, call: CallSite): ToolHandler | undefined {
  if (call.isNew) return undefined;
  const callee = unwrap(child(call.node, 'callee') ?? call.node);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticKey(callee);
  const args = call.args;
  const first = args[0];
  if (!first) return undefined;
  const base = { file: call.file, registration: call.node, branches: [] as ToolBranch[] };
  if ((method === 'tool' || method === 'registerTool') && args.length >= 2) {
    const handler = lastFunction(resolver, args.slice(1));
    const name = onlyString(resolver.resolve(first));
    if (!handler || name === undefined) return undefined;
    return {
      ...base,
      style: method === 'tool' ? 'sdk-tool' : 'sdk-register-tool',
      name,
      handler,
      argParams: firstParam(handler),
    };
  }
  if (method === 'setRequestHandler' && args.length >= 2) {
    const schema = pathOf(engine, resolver, first) ?? '';
    const handler = lastFunction(resolver, args.slice(1));
    if (calleeMatches(schema, 'CallToolRequestSchema') && handler)
      return {
        ...base,
        style: 'sdk-call-handler',
        name: undefined,
        handler,
        argParams: firstParam(handler),
        branches: branchesOf(resolver, handler),
      };
    if (calleeMatches(schema, 'ListToolsRequestSchema'))
      return { ...base, style: 'sdk-list-handler', name: undefined, handler, argParams: [] };
    return undefined;
  }
  if (method === 'addTool') {
    const object = resolver.resolve(first).find((v) => v.kind === 'object');
    if (object?.kind !== 'object') return undefined;
    const handler = fnOfValues(object.props.get('execute')?.values ?? []);
    const name = onlyString(object.props.get('name')?.values ?? []);
    if (!handler || name === undefined) return undefined;
    return { ...base, style: 'fastmcp', name, handler, argParams: firstParam(handler) };
  }
  return undefined;
}

function fromClass(
  engine: Engine,
  resolver: Resolver,
  file: CodeFile,
  node: AstNode,
): ToolHandler | undefined {
  const superClass = child(node, 'superClass');
  const parent = superClass ? pathOf(engine, resolver, superClass) : undefined;
  if (parent === undefined || !calleeMatches(parent, 'MCPTool')) return undefined;
  let name: string | undefined;
  let handler: AstNode | undefined;
  for (const member of children(child(node, 'body') ?? node, 'body')) {
    const key = staticKey(member);
    const value = child(member, 'value');
    if (key === 'name' && value && member.type === 'PropertyDefinition')
      name = onlyString(resolver.resolve(value));
    if (key === 'execute' && value && isFunction(value)) handler = value;
  }
  return {
    style: 'mcp-framework',
    name,
    file,
    registration: node,
    handler,
    argParams: firstParam(handler),
    branches: [],
  };
}

/** Every tool registration found in the package. */
export function findToolHandlers(
  engine: Engine,
  resolver: Resolver,
  calls: readonly CallSite[],
  classes: readonly { file: CodeFile; node: AstNode }[],
): ToolHandler[] {
  const out: ToolHandler[] = [];
  for (const call of calls) {
    const found = fromCall(engine, resolver, call);
    if (found) out.push(found);
  }
  for (const { file, node } of classes) {
    const found = fromClass(engine, resolver, file, node);
    if (found) out.push(found);
  }
  return out;
}
