import assert from 'node:assert/strict';
import { analyzeCode, type AstNode, type CodeModel, type Value } from '../../../src/analyze/code/index.js';
import { packageOf } from '../../rules/code/load-package.js';

export { packageOf };

export function modelOf(sources: Record<string, string>): CodeModel {
  return analyzeCode(packageOf(sources));
}

/** The initialiser of the last `const <name> = …` found in the model's files. */
export function initOf(model: CodeModel, name: string): AstNode {
  let found: AstNode | undefined;
  for (const file of model.files) {
    const stack: unknown[] = [file.program];
    while (stack.length > 0) {
      const node = stack.pop() as Record<string, unknown> | null;
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'VariableDeclarator' && (node.id as { name?: string } | null)?.name === name)
        found = node.init as AstNode;
      for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
    }
  }
  assert.ok(found, `no const ${name}`);
  return found;
}

/** The strings (and `?` for unknown) a value set holds. */
export function shown(values: readonly Value[]): string[] {
  return values.map((v) => (v.kind === 'primitive' ? String(v.value) : v.kind === 'unknown' ? '?' : v.kind));
}

export function resolved(sources: Record<string, string>, name: string): string[] {
  const model = modelOf(sources);
  return shown(model.resolve(initOf(model, name)));
}
