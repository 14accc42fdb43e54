import type { Server } from '../../model/server.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { urlCredentials, type UrlCredential } from './url-credentials.js';

function fieldsOf(server: Server): { field: string; text: string }[] {
  const fields: { field: string; text: string }[] = [];
  if (server.url !== undefined) fields.push({ field: 'url', text: server.url });
  server.args.forEach((text, i) => fields.push({ field: `args.${i}`, text }));
  for (const [key, text] of Object.entries(server.env)) fields.push({ field: `env.${key}`, text });
  for (const [key, text] of Object.entries(server.headers)) fields.push({ field: `headers.${key}`, text });
  if (server.command !== undefined) fields.push({ field: 'command', text: server.command });
  return fields;
}

function where(credential: UrlCredential): string {
  if (credential.kind === 'query') return `in its query parameter "${credential.name}"`;
  return credential.name === ''
    ? 'as the user name of its user-info part'
    : `as the password of user "${credential.name}"`;
}

export const tokenInUrl = defineRule<ConfigRuleContext>({
  id: 'config/token-in-url',
  meta: {
    title: 'Credential written in a URL',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-598', 'CWE-798'],
    description:
      'Finds credentials inside URLs in a server entry: a secret-named query parameter (`?api_key=`, ' +
      '`token=`, `access_token=`, `auth=`, `secret=`, an Azure SAS `sig=`) or a password in the user-info ' +
      'part (`https://user:pass@host`). Besides sitting in the config file, a URL is copied into client ' +
      'logs, proxy and server access logs, error messages and process lists. A credential for a server on ' +
      'this machine is reported at medium severity; the stock passwords of local development databases are ignored.',
    remediation:
      'Send the credential in a header (`Authorization: Bearer ${env:TOKEN}`) or an environment variable ' +
      'the server reads, and rotate the one that was written in the URL. If the service only accepts it in ' +
      'the URL, reference it (`?api_key=${API_KEY}`) rather than writing it.',
    references: [
      'https://cwe.mitre.org/data/definitions/598.html',
      'https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const { field, text } of fieldsOf(server)) {
        const found = urlCredentials(text);
        const first = found[0];
        if (!first) continue;
        const hit = serverHit(
          server,
          field,
          `Server "${server.name}" has a URL in ${field} that carries a credential ${where(first)}` +
            `${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}; URLs end up in logs, proxies and error messages.`,
          maskedEvidence(text),
        );
        if (found.every((c) => c.reach === 'loopback')) hit.severity = 'medium';
        hits.push(hit);
      }
    }
    return hits;
  },
});
