/**
 * A linear pass over source text that estimates how deeply the parser will have to nest.
 * The native parser recurses, so text nested thousands of levels deep must be refused before
 * it is parsed. Strings, comments and template text are skipped roughly; the estimate errs high.
 */
export interface NestingEstimate {
  /** Brackets open at once, plus chained `?`, `!`, `if` and similar tokens that nest without brackets. */
  depth: number;
  /** Binary operators in one expression segment (between `;`/`,` at the same level). */
  chain: number;
}

const OPEN = new Set([0x28, 0x5b, 0x7b]);
const CLOSE = new Set([0x29, 0x5d, 0x7d]);
const NESTING_OPS = new Set([0x3f, 0x21, 0x7e]);
const BINARY_OPS = new Set([0x2b, 0x2d, 0x2a, 0x25, 0x26, 0x7c, 0x5e, 0x3c, 0x3e, 0x3d]);

function skipQuoted(text: string, i: number, quote: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === quote || c === 0x0a) return j + 1;
    else j++;
  }
  return j;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x24
  );
}

export function estimateNesting(text: string): NestingEstimate {
  // Per open bracket: tokens that nest without brackets (reset at the end of a statement or
  // expression), `else` tokens (an `else if` chain nests however it is split), binary operators.
  const nest: number[] = [0];
  const elses: number[] = [0];
  const ops: number[] = [0];
  let sum = 0;
  let maxDepth = 0;
  let maxChain = 0;
  let i = 0;
  const n = text.length;
  const resetNest = (level: number): void => {
    sum -= nest[level] ?? 0;
    nest[level] = 0;
    ops[level] = 0;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x60) {
      i = skipQuoted(text, i, c);
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    let top = nest.length - 1;
    if (OPEN.has(c)) {
      nest.push(0);
      elses.push(0);
      ops.push(0);
    } else if (CLOSE.has(c)) {
      if (nest.length > 1) {
        sum -= (nest.pop() ?? 0) + (elses.pop() ?? 0);
        ops.pop();
        top--;
        if (c === 0x7d) resetNest(top);
      }
    } else if (c === 0x3b || c === 0x2c) {
      resetNest(top);
    } else if (NESTING_OPS.has(c)) {
      nest[top] = (nest[top] ?? 0) + 1;
      sum++;
    } else if (BINARY_OPS.has(c)) {
      const count = (ops[top] ?? 0) + 1;
      ops[top] = count;
      if (count > maxChain) maxChain = count;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = j - i <= 5 ? text.slice(i, j) : '';
      if (word === 'else') {
        elses[top] = (elses[top] ?? 0) + 1;
        sum++;
      } else if (word === 'if' || word === 'for' || word === 'while' || word === 'do' || word === 'with') {
        nest[top] = (nest[top] ?? 0) + 1;
        sum++;
      }
      i = j;
      if (nest.length + sum > maxDepth) maxDepth = nest.length + sum;
      continue;
    }
    if (nest.length + sum > maxDepth) maxDepth = nest.length + sum;
    i++;
  }
  return { depth: maxDepth, chain: maxChain };
}
