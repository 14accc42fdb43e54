import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { Position } from '../../model/server.js';
import type { DocPath, ParseOutcome } from './document.js';

/** An alias count above this is refused (a "billion laughs" document). */
const MAX_ALIASES = 100;

type Located = { node: Node; key?: Node } | undefined;

function resolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function walk(doc: Document, path: DocPath): Located {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    node = resolve(node, doc);
    key = undefined;
    if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[segment];
    } else {
      if (!isMap(node)) return undefined;
      let match: unknown;
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === segment) match = pair;
      }
      if (!isPair(match)) return undefined;
      key = isScalar(match.key) ? match.key : undefined;
      node = match.value;
    }
  }
  node = resolve(node, doc);
  if (!node || typeof node !== 'object' || !('range' in node)) return key ? { node: key, key } : undefined;
  return { node: node as Node, ...(key ? { key } : {}) };
}

export function parseYaml(text: string): ParseOutcome {
  const counter = new LineCounter();
  const at = (offset: number): Position => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  } catch {
    return { ok: false, code: 'parse-error', message: 'the YAML parser could not read this file' };
  }
  const error = doc.errors[0];
  if (error !== undefined) {
    const position = at(error.pos[0]);
    return {
      ok: false,
      code: 'parse-error',
      message: `invalid YAML: ${error.code} at line ${position.line}, column ${position.column}`,
      position,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  } catch (cause) {
    const code = cause instanceof RangeError ? 'too-deep' : 'too-complex';
    return {
      ok: false,
      code,
      message: 'the YAML document nests or repeats aliases beyond the allowed bounds',
    };
  }
  const positionOf = (node: Node | undefined): Position | undefined =>
    node?.range ? at(node.range[0]) : undefined;
  return {
    ok: true,
    doc: {
      format: 'yaml',
      value: value ?? undefined,
      valueAt: (path) => positionOf(walk(doc, path)?.node),
      entryAt: (path) => {
        const found = walk(doc, path);
        return positionOf(found?.key ?? found?.node);
      },
    },
  };
}
