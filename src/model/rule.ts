import { z } from 'zod';
import { SeveritySchema, ConfidenceSchema } from './severity.js';

export const RULE_GROUPS = ['config', 'code', 'package', 'tools'] as const;
export const RuleGroupSchema = z.enum(RULE_GROUPS);
export type RuleGroup = z.infer<typeof RuleGroupSchema>;

/** Everything a reporter or a docs page needs to know about a rule. */
export const RuleMetaSchema = z.object({
  id: z.string().regex(/^(config|code|package|tools)\/[a-z0-9]+(-[a-z0-9]+)*$/),
  group: RuleGroupSchema,
  title: z.string(),
  severity: SeveritySchema,
  confidence: ConfidenceSchema,
  cwe: z.array(z.string().regex(/^CWE-\d+$/)),
  /** What the rule identifies and why it matters, one paragraph. */
  description: z.string(),
  /** How to fix the finding or suppress it when it is intended. */
  remediation: z.string(),
  references: z.array(z.string()),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;
