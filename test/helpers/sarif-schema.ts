import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { repoRoot } from './paths.js';

/*
 * The official SARIF 2.1.0 schema (draft-04) as shipped in @microsoft/jest-sarif.
 * - `strict: false`: the schema uses draft-04 idioms Ajv's strict mode rejects
 *   (e.g. `uniqueItems` and `default` next to `$ref`), which are valid JSON Schema.
 * - `unicodeRegExp: false`: one `pattern` of the schema (`…{2}]?$`, a stray bracket) is
 *   valid only without the `u` flag; JSON Schema patterns are ECMA-262 regexes without it.
 * - Ajv 8 ships no format validators (they live in ajv-formats, not installed). Instead
 *   of turning format checks off, the three formats the schema uses are registered here
 *   with RFC 3986 / RFC 3339 character-level checks, so that badly encoded URIs fail.
 */
const PCT = '%[0-9A-Fa-f]{2}';
const URI_CHARS = `(?:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|${PCT})`;
const URI_REFERENCE = new RegExp(`^${URI_CHARS}*$`);
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARS}*$`);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export type Validate = ((data: unknown) => boolean) & { errors?: unknown };

export function sarifValidator(): Validate {
  const schemaPath = join(
    repoRoot,
    'node_modules',
    '@microsoft',
    'jest-sarif',
    'lib',
    'schemas',
    'sarif-2.1.0-rtm.5.json',
  );
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  // A CommonJS module: under NodeNext the default import is `module.exports`, the class is on `.default`.
  const ajv = new AjvDraft04.default({ strict: false, unicodeRegExp: false, allErrors: true });
  ajv.addFormat('uri', URI);
  ajv.addFormat('uri-reference', URI_REFERENCE);
  ajv.addFormat('date-time', DATE_TIME);
  return ajv.compile(schema);
}
