import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Position } from '../../model/server.js';
import { bracketDepth, lineIndex, MAX_NESTING, setOwn, type DocPath, type ParseOutcome } from './document.js';

function toPlain(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined) continue;
        setOwn(out, String(key.value), value === undefined ? null : toPlain(value));
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toPlain);
    case 'property':
      return undefined;
    default:
      return node.value as unknown;
  }
}

/** The property node for `key` in an object node; the last one wins, as in JSON.parse. */
function property(node: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const child of node.children ?? []) if (child.children?.[0]?.value === key) found = child;
  return found;
}

function walk(root: Node | undefined, path: DocPath): { node?: Node; property?: Node } {
  let node = root;
  let prop: Node | undefined;
  for (const segment of path) {
    if (node === undefined) return {};
    if (typeof segment === 'number') {
      if (node.type !== 'array') return {};
      node = node.children?.[segment];
      prop = undefined;
    } else {
      if (node.type !== 'object') return {};
      prop = property(node, segment);
      node = prop?.children?.[1];
    }
  }
  return node === undefined ? {} : { node, ...(prop ? { property: prop } : {}) };
}

/**
 * Parses JSON or JSONC. Comments and trailing commas are accepted in both: clients such as
 * VS Code write them into `.json` files, and a scan must not fail where the client works.
 */
export function parseJson(text: string, format: 'json' | 'jsonc'): ParseOutcome {
  const at = lineIndex(text);
  if (bracketDepth(text) > MAX_NESTING) {
    return { ok: false, code: 'too-deep', message: `nesting deeper than ${MAX_NESTING} levels` };
  }
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, {
      allowTrailingComma: true,
      disallowComments: false,
      allowEmptyContent: true,
    });
  } catch {
    return { ok: false, code: 'parse-error', message: 'the JSON parser could not read this file' };
  }
  const error = errors[0];
  if (error !== undefined) {
    const position = at(error.offset);
    return {
      ok: false,
      code: 'parse-error',
      message: `invalid ${format === 'jsonc' ? 'JSONC' : 'JSON'}: ${printParseErrorCode(error.error)} at line ${position.line}, column ${position.column}`,
      position,
    };
  }
  const value = root === undefined ? undefined : toPlain(root);
  const positionOf = (node: Node | undefined): Position | undefined => (node ? at(node.offset) : undefined);
  return {
    ok: true,
    doc: {
      format,
      value,
      valueAt: (path) => positionOf(walk(root, path).node),
      entryAt: (path) => {
        const found = walk(root, path);
        return positionOf(found.property?.children?.[0] ?? found.node);
      },
    },
  };
}
