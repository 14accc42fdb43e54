import type { RuleMeta } from '../model/rule.js';
import { configRules } from './config/index.js';

export { configRules };

/** Metadata of every rule, by id; reporters read titles, help and CWE ids from here. */
export function ruleCatalog(): ReadonlyMap<string, RuleMeta> {
  const map = new Map<string, RuleMeta>();
  for (const rule of configRules) map.set(rule.meta.id, rule.meta);
  return map;
}
