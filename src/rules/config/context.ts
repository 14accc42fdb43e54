import type { Server } from '../../model/server.js';
import type { ConfigFileRecord } from '../../model/discovery.js';
import type { FileLocation } from '../../model/finding.js';
import type { Rule, RuleHit } from '../define-rule.js';

/** What every config rule sees: all servers of the run, and every config file opened. */
export interface ConfigRuleContext {
  servers: readonly Server[];
  files: readonly ConfigFileRecord[];
}

export type ConfigRule = Rule<ConfigRuleContext>;

/** The location of a server entry, or of one of its fields when its position is known. */
export function serverLocation(server: Server, field?: string): FileLocation {
  const position = (field !== undefined ? server.fieldPositions[field] : undefined) ?? server.position;
  const location: FileLocation = { file: server.configPath, server: server.name };
  if (position) {
    location.line = position.line;
    location.column = position.column;
  }
  if (field !== undefined) location.field = field;
  return location;
}

/** A hit on a server entry (optionally one field of it); the target is the config file. */
export function serverHit(
  server: Server,
  field: string | undefined,
  message: string,
  evidence?: string,
): RuleHit {
  const hit: RuleHit = { target: server.configPath, location: serverLocation(server, field), message };
  if (evidence !== undefined) hit.evidence = evidence;
  return hit;
}
