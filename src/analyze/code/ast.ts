import { visitorKeys } from 'oxc-parser';

/** An ESTree node as produced by oxc-parser: a type, UTF-16 offsets, and node-specific fields. */
export interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The child node stored under `key`, if any. */
export function child(node: AstNode, key: string): AstNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

/** The child nodes stored in the array under `key` (holes and non-nodes left out). */
export function children(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  if (!Array.isArray(value)) return [];
  return value.filter(isNode);
}

export function str(node: AstNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

const KEYS: Readonly<Record<string, readonly string[]>> = visitorKeys;

/** Every direct child node, in source order. */
export function childNodes(node: AstNode): AstNode[] {
  const keys = KEYS[node.type];
  if (keys === undefined) return [];
  const out: AstNode[] = [];
  for (const key of keys) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

const WRAPPERS: ReadonlySet<string> = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'ChainExpression',
  'TSInstantiationExpression',
]);

/** The expression inside parentheses, type assertions and optional chains. */
export function unwrap(node: AstNode): AstNode {
  let current = node;
  for (let i = 0; i < 64 && WRAPPERS.has(current.type); i++) {
    const inner = child(current, 'expression');
    if (inner === undefined) break;
    current = inner;
  }
  return current;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);

export function isFunction(node: AstNode): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The static name of a property key (`a`, `'a'`, `1`), or undefined when computed. */
export function staticKey(node: AstNode): string | undefined {
  const key = child(node, 'key') ?? child(node, 'property');
  if (key === undefined) return undefined;
  if (node.computed === true) {
    if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
      return String(key.value);
    return undefined;
  }
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') return str(key, 'name');
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return undefined;
}
