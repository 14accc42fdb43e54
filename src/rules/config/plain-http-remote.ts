import type { Server } from '../../model/server.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { hostReach, urlHost } from './hosts.js';
import { packagesRun } from './package-runners.js';

/** Packages that connect a stdio client to a remote server given as an argument. */
const REMOTE_BRIDGES: ReadonlySet<string> = new Set(['mcp-remote', 'mcp-proxy', 'supergateway']);

/** The remote URLs a server connects to: its `url`, or the target of a stdio bridge. */
export function remoteUrls(server: Server): { field: string; url: string }[] {
  const urls: { field: string; url: string }[] = [];
  if (server.url !== undefined) urls.push({ field: 'url', url: server.url });
  if (packagesRun(server).some((p) => REMOTE_BRIDGES.has(p.name.toLowerCase()))) {
    server.args.forEach((arg, i) => {
      if (/^(?:https?|wss?):\/\//i.test(arg)) urls.push({ field: `args.${i}`, url: arg });
    });
  }
  return urls;
}

export const plainHttpRemote = defineRule<ConfigRuleContext>({
  id: 'config/plain-http-remote',
  meta: {
    title: 'Remote MCP server reached over plain HTTP',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-319'],
    description:
      'Finds remote servers whose URL is `http://` (or `ws://`) to a host that is not this machine. Every ' +
      'request, tool result and bearer token then crosses the network in clear text, and anyone on the path ' +
      'can read it or change tool definitions and results on the way. Hosts on a private network (RFC 1918, ' +
      '`.local`, single-label names) are reported at medium severity: still readable by anyone on that network.',
    remediation:
      "Use the server's `https://` endpoint. For a server on this machine use `localhost` or `127.0.0.1`. " +
      'When a private-network server cannot offer TLS and the network is trusted, record an allowlist entry.',
    references: [
      'https://cwe.mitre.org/data/definitions/319.html',
      'https://modelcontextprotocol.io/specification/2025-06-18/basic/security_best_practices',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const { field, url } of remoteUrls(server)) {
        if (!/^(?:http|ws):\/\//i.test(url)) continue;
        const host = urlHost(url);
        if (host === undefined || /[$%{}<>]/.test(host)) continue;
        const reach = hostReach(host);
        if (reach === 'loopback') continue;
        const hit = serverHit(
          server,
          field,
          reach === 'private'
            ? `Server "${server.name}" is reached over plain HTTP at ${host}, a private-network host: traffic and tokens are readable by anyone on that network. Use https.`
            : `Server "${server.name}" is reached over plain HTTP at ${host}: requests, results and tokens cross the network unencrypted and can be read or changed on the way. Use https.`,
          maskedEvidence(url),
        );
        if (reach === 'private') hit.severity = 'medium';
        hits.push(hit);
      }
    }
    return hits;
  },
});
