import type { AstNode, CodeModel } from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import {
  carriesData,
  describeKind,
  hostKind,
  hostUnder,
  isDropKind,
  networkSinks,
  pathOfUrl,
  type NetworkSink,
} from './signals/network.js';
import { reaches } from './signals/reach.js';
import { commandTexts, isLocalExec, pathTexts, readPath, showPath } from './signals/paths.js';
import { secretCommand, secretPath, type SecretPath } from './signals/sensitive-paths.js';

interface SecretRead {
  node: AstNode;
  secrets: SecretPath[];
  what: string[];
}

function describeRead(read: SecretRead): string {
  const labels = [...new Set(read.secrets.map((s) => s.label))];
  return `${labels.join(', ')} (${read.what.slice(0, 3).join(', ')}${read.what.length > 3 ? ', …' : ''})`;
}

function secretReads(model: CodeModel): SecretRead[] {
  const out: SecretRead[] = [];
  for (const call of model.calls) {
    if (call.file.isTest) continue;
    const path = readPath(call);
    if (path) {
      if (model.isTainted(path)) continue;
      const read: SecretRead = { node: call.node, secrets: [], what: [] };
      for (const text of pathTexts(model, path)) {
        const secret = secretPath(text);
        if (!secret) continue;
        read.secrets.push(secret);
        read.what.push(showPath(text));
      }
      if (read.secrets.length > 0) out.push(read);
      continue;
    }
    if (!isLocalExec(call)) continue;
    for (const text of commandTexts(model, call)) {
      const secret = secretCommand(text);
      if (secret) {
        out.push({ node: call.node, secrets: [secret], what: [text] });
        break;
      }
    }
  }
  return out;
}

/** A destination the caller did not choose that this secret has no business reaching. */
function foreignHost(
  sink: NetworkSink,
  secrets: readonly SecretPath[],
): { host: string; drop: boolean } | undefined {
  if (sink.dynamic) return undefined;
  for (const host of sink.hosts) {
    if (secrets.every((secret) => hostUnder(host, secret.vendors))) continue;
    const kind = hostKind(host, pathOfUrl(sink.destination ?? ''));
    if (kind === 'analytics') continue;
    return { host, drop: isDropKind(kind) };
  }
  return undefined;
}

export const credentialFileExfiltration = defineRule<CodeRuleContext>({
  id: 'code/credential-file-exfiltration',
  meta: {
    title: 'Credential or AI-client file read by a package that sends data to a fixed destination',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-522', 'CWE-200', 'CWE-506'],
    description:
      'Finds code that reads a credential store — SSH private keys, `~/.aws/credentials`, `~/.npmrc`, ' +
      '`~/.netrc`, Docker and Kubernetes configs, gcloud credentials, browser password and cookie stores, the ' +
      "macOS keychain, the Windows credential store, AI clients' configs (`claude_desktop_config.json`, " +
      '`~/.claude.json`, `.cursor/mcp.json`, `~/.codex/config.toml`) or shell history — with a path the code ' +
      'fixes itself (home folder joined with constants, templates, `process.env.HOME`), when the same package ' +
      'sends run-time data to a destination the caller did not choose: a paste or file-drop host, a webhook ' +
      'collector, a chat-bot API, a raw IP address, or a fixed host that the data read can reach (the request ' +
      'is in the reading function, or in code that calls it) and that is not the service the credential is for. Reading a file the tool caller names, a key handed to an SSH ' +
      "connection, or cloud credentials used for that cloud's API is not reported.",
    remediation:
      'Do not run the package. Remove it, rotate every credential the files held (SSH keys, cloud and npm ' +
      'tokens, API keys in AI-client configs, secrets typed into shells) and report the package.',
    references: [
      'https://osv.dev/vulnerability/GHSA-w56m-5ch4-5xjw',
      'https://cwe.mitre.org/data/definitions/522.html',
    ],
  },
  check(context) {
    const { model } = context;
    const reads = secretReads(model);
    if (reads.length === 0) return [];
    const sinks = networkSinks(model).filter((s) => carriesData(model, s));
    const hits: RuleHit[] = [];
    for (const read of reads) {
      let target: { host: string; drop: boolean } | undefined;
      for (const sink of sinks) {
        const foreign = foreignHost(sink, read.secrets);
        if (!foreign) continue;
        if (foreign.drop || reaches(model, read.node, sink.call.node)) {
          target = foreign;
          break;
        }
      }
      if (!target) continue;
      const kind = describeKind(hostKind(target.host));
      hits.push(
        nodeHit(
          context,
          read.node,
          `Reads ${describeRead(read)} at a path the code fixes, and the package sends run-time ` +
            `data to ${target.host} (${kind}), a destination no tool caller chose: the secret can leave the machine.`,
        ),
      );
    }
    return hits;
  },
});
