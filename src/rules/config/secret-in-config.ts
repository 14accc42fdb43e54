import { describeSecret, findSecrets, type SecretMatch } from '../../analyze/secrets/index.js';
import type { Server } from '../../model/server.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { urlCredentials } from './url-credentials.js';

interface Field {
  field: string;
  text: string;
  keyName?: string;
  /** How the evidence names the field: `GITHUB_TOKEN=`, `Authorization: `. */
  label: string;
}

/** The flag an argument is the value of: `--api-key VALUE` → `--api-key`. */
function flagBefore(args: readonly string[], i: number): string | undefined {
  const previous = i > 0 ? args[i - 1] : undefined;
  const current = args[i] ?? '';
  if (previous === undefined || current.startsWith('-')) return undefined;
  return /^--?[A-Za-z][A-Za-z0-9_-]*$/.test(previous) ? previous : undefined;
}

function fieldsOf(server: Server): Field[] {
  const fields: Field[] = [];
  for (const [key, text] of Object.entries(server.env))
    fields.push({ field: `env.${key}`, text, keyName: key, label: `${key}=` });
  for (const [key, text] of Object.entries(server.headers)) {
    fields.push({ field: `headers.${key}`, text, keyName: key, label: `${key}: ` });
  }
  server.args.forEach((text, i) => {
    const flag = flagBefore(server.args, i);
    fields.push(
      flag !== undefined
        ? { field: `args.${i}`, text, keyName: flag, label: '' }
        : { field: `args.${i}`, text, label: '' },
    );
  });
  if (server.url !== undefined) fields.push({ field: 'url', text: server.url, label: '' });
  if (server.command !== undefined) fields.push({ field: 'command', text: server.command, label: '' });
  return fields;
}

/** Secrets in a field, leaving URL credentials to `config/token-in-url`. */
function secretsIn(field: Field): SecretMatch[] {
  const inUrls = urlCredentials(field.text);
  const options = field.keyName !== undefined ? { keyName: field.keyName } : {};
  return findSecrets(field.text, options).filter(
    (m) => m.kind !== 'url-password' && !inUrls.some((c) => m.start < c.end && c.start < m.end),
  );
}

export const secretInConfig = defineRule<ConfigRuleContext>({
  id: 'config/secret-in-config',
  meta: {
    title: 'Secret written in an MCP server config',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-798', 'CWE-312'],
    description:
      'Finds credentials written as literal values in an MCP server entry: environment variables, headers, ' +
      'arguments, the URL or the command. Formats are validated where they allow it (GitHub and npm token ' +
      'checksums, JWT headers); a high-entropy value in a secret-named field is reported at medium severity. ' +
      'Config files are read by every tool on the machine, synced, shared and committed; a secret in one is ' +
      'a secret given to all of them.',
    remediation:
      'Remove the value, rotate the credential, and pass it by reference: `${env:NAME}` / `${input:id}` in ' +
      "VS Code, `${NAME}` in Claude Code and Cursor, or the client's secret store. When the value is not " +
      'a secret (a public key, a test fixture), record an allowlist entry with the reason.',
    references: [
      'https://cwe.mitre.org/data/definitions/798.html',
      'https://code.visualstudio.com/docs/copilot/customization/mcp-servers#_input-variables-for-sensitive-data',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const field of fieldsOf(server)) {
        const matches = secretsIn(field);
        if (matches.length === 0) continue;
        const what = matches.map((m) => describeSecret(m, field.text)).join(', ');
        const hit = serverHit(
          server,
          field.field,
          `Server "${server.name}" has a secret written in ${field.field}: ${what}. Anyone who can read ` +
            `${server.configPath} can use it; move it to the client's secret input or an environment reference and rotate it.`,
          field.label +
            maskedEvidence(field.text, [], field.keyName !== undefined ? { keyName: field.keyName } : {}),
        );
        if (!matches.some((m) => m.confidence === 'high')) hit.severity = 'medium';
        hits.push(hit);
      }
    }
    return hits;
  },
});
