import type { RuleMeta } from '../model/rule.js';
import { configRules } from './config/index.js';
import { codeRules } from './code/index.js';
import { packageRules, PACKUMENT_RULES, parsePackument, type Packument } from './package/index.js';

export { configRules, codeRules, packageRules, PACKUMENT_RULES, parsePackument, type Packument };

/** Metadata of every rule, by id; reporters read titles, help and CWE ids from here. */
export function ruleCatalog(): ReadonlyMap<string, RuleMeta> {
  const map = new Map<string, RuleMeta>();
  for (const rule of [...configRules, ...codeRules, ...packageRules]) map.set(rule.meta.id, rule.meta);
  return map;
}
