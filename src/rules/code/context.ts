import type { AstNode, CodeModel } from '../../analyze/code/index.js';
import type { Severity } from '../../model/severity.js';
import type { Rule, RuleHit } from '../define-rule.js';

/** What every code rule sees: one package's code model. */
export interface CodeRuleContext {
  /** `name@version`, or the path given. */
  target: string;
  model: CodeModel;
  /** The parsed package.json, when the package has one (`bin` and `scripts` tell how its code is run). */
  manifest?: Readonly<Record<string, unknown>>;
}

export type CodeRule = Rule<CodeRuleContext>;

const MAX_EVIDENCE = 160;

/** The source text of a node, on one line and bounded. */
export function sourceText(model: CodeModel, node: AstNode): string {
  const file = model.fileOf(node);
  if (!file) return '';
  const text = file.source
    .slice(node.start, Math.min(node.end, node.start + MAX_EVIDENCE * 2))
    .replace(/\s+/g, ' ');
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE - 1)}…` : text;
}

/** A hit located at a node: file, 1-based line and column. */
export function nodeHit(
  context: CodeRuleContext,
  node: AstNode,
  message: string,
  options: { evidence?: AstNode; severity?: Severity } = {},
): RuleHit {
  const hit: RuleHit = { target: context.target, location: context.model.locate(node), message };
  const evidence = sourceText(context.model, options.evidence ?? node);
  if (evidence !== '') hit.evidence = evidence;
  if (options.severity !== undefined) hit.severity = options.severity;
  return hit;
}
