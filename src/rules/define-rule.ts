import { createHash } from 'node:crypto';
import { RuleMetaSchema, type RuleGroup, type RuleMeta } from '../model/rule.js';
import type { Finding, Location } from '../model/finding.js';
import type { Severity } from '../model/severity.js';

/** What a rule's check reports; the engine adds the metadata. */
export interface RuleHit {
  /** The thing scanned: a config path, `name@version`, a tools file. */
  target: string;
  location: Location;
  /** Specific to this hit: what was seen, where it leads. */
  message: string;
  /** The offending text, secrets masked. */
  evidence?: string;
  /** Only when a hit is clearly more or less serious than the rule's default. */
  severity?: Severity;
}

export interface Rule<C> {
  readonly meta: RuleMeta;
  check(context: C): RuleHit[];
}

type RuleSpec<C> = { id: string; meta: Omit<RuleMeta, 'id' | 'group'>; check(context: C): RuleHit[] };

/** Declares a rule; the id's first segment is its group (`config/…`, `code/…`). */
export function defineRule<C>(spec: RuleSpec<C>): Rule<C> {
  const group = spec.id.split('/')[0] as RuleGroup;
  const meta = RuleMetaSchema.parse({ ...spec.meta, id: spec.id, group });
  return { meta, check: (context) => spec.check(context) };
}

function locationKey(location: Location): string {
  return JSON.stringify(location, Object.keys(location).sort());
}

/** Turns a hit into a Finding with the rule's metadata and a stable fingerprint. */
export function toFinding(meta: RuleMeta, hit: RuleHit): Finding {
  const fingerprint = createHash('sha256')
    .update([meta.id, hit.target, locationKey(hit.location), hit.evidence ?? ''].join('\0'))
    .digest('hex')
    .slice(0, 32);
  const finding: Finding = {
    ruleId: meta.id,
    severity: hit.severity ?? meta.severity,
    confidence: meta.confidence,
    title: meta.title,
    message: hit.message,
    target: hit.target,
    location: hit.location,
    fingerprint,
  };
  if (hit.evidence !== undefined) finding.evidence = hit.evidence;
  return finding;
}
