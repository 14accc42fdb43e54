import { maskSecrets } from '../../analyze/secrets/index.js';
import type { FileLocation } from '../../model/finding.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import type { ConfigRuleContext } from './context.js';

export const unparseableConfig = defineRule<ConfigRuleContext>({
  id: 'config/unparseable-config',
  meta: {
    title: 'MCP client config could not be read',
    severity: 'medium',
    confidence: 'high',
    cwe: ['CWE-1284'],
    description:
      'Reports a client config file that exists but could not be parsed (a syntax error, an unexpected ' +
      'shape, an unreadable file). Nothing in it was checked, so its servers are missing from the inventory ' +
      'and from every other rule; the client itself may read it differently, more leniently, or not at all.',
    remediation:
      "Fix the file at the position given (the client's own settings editor usually shows the same error), " +
      'then scan again. A file you no longer use can be deleted.',
    references: ['https://cwe.mitre.org/data/definitions/1284.html'],
  },
  check({ files }) {
    const hits: RuleHit[] = [];
    for (const file of files) {
      if (file.parsed && file.error === undefined) continue;
      const location: FileLocation = { file: file.path };
      const position = file.error?.position;
      if (position) {
        location.line = position.line;
        location.column = position.column;
      }
      const raw = file.error?.message ?? 'the file could not be parsed';
      const reason = maskSecrets(raw.startsWith(`${file.path}: `) ? raw.slice(file.path.length + 2) : raw);
      const client = file.client === 'unknown' ? '' : ` (${file.client})`;
      const hit: RuleHit = {
        target: file.path,
        location,
        message: `The config file ${file.path}${client} could not be read: ${reason}. None of its servers were checked.`,
      };
      if (file.error) hit.evidence = `${file.error.code}: ${reason}`;
      hits.push(hit);
    }
    return hits;
  },
});
