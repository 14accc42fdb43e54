import type { Severity } from '../../model/severity.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { invocations } from './command-line.js';
import { dockerRun, type DockerRun } from './package-runners.js';

interface Danger {
  field: string;
  what: string;
  evidence: string;
  severity: Severity;
}

const ESCAPE_CAPS: ReadonlySet<string> = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'DAC_READ_SEARCH',
  'SYS_RAWIO',
]);
const HOST_NAMESPACES: ReadonlySet<string> = new Set([
  '--network',
  '--net',
  '--pid',
  '--ipc',
  '--userns',
  '--uts',
]);

const SOCKET = /(?:^|[\\/])(?:docker|podman|containerd)\.sock$|pipe[\\/]docker_engine$/i;
const HOME =
  /^(?:~|\$HOME|\$\{HOME\}|\$\{env:(?:HOME|USERPROFILE)\}|\$\{userHome\}|%USERPROFILE%|\/root|\/home(?:\/[^/]+)?|\/Users(?:\/[^/]+)?|[A-Za-z]:[\\/]Users(?:[\\/][^\\/]+)?|\/mnt\/[a-z]\/Users(?:\/[^/]+)?)$/i;
const CREDENTIALS =
  /^(?:~|\$HOME|\$\{HOME\}|\$\{userHome\}|%USERPROFILE%|\/root|\/home\/[^/]+|\/Users\/[^/]+|[A-Za-z]:[\\/]Users[\\/][^\\/]+)[\\/](?:\.ssh|\.aws|\.gnupg|\.kube|\.docker|\.azure|\.config[\\/]gcloud|\.netrc|\.npmrc|\.pypirc|\.git-credentials)$/i;
const ROOT = /^(?:\/|[A-Za-z]:[\\/]?|\/\/?[A-Za-z]\/?)$/;
const SYSTEM = /^\/(?:etc|var\/run|run|proc|sys|dev|boot|var\/lib\/docker)$/;

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/[\\/]+$/, '') || '/' : path;
}

/** Splits `-v SRC:DST[:OPTS]`, minding Windows drive letters (`C:\x:/y`). */
function volumeParts(value: string): { source: string; readOnly: boolean } {
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  const source = colon < 0 ? value : value.slice(0, colon);
  const options = colon < 0 ? '' : value.slice(value.lastIndexOf(':') + 1);
  return {
    source,
    readOnly: colon >= 0 && /(?:^|,)ro(?:,|$)/.test(options) && value.indexOf(':', colon + 1) > 0,
  };
}

function mountParts(value: string): { source: string; readOnly: boolean } | undefined {
  const fields = new Map(
    value.split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv.toLowerCase(), 'true'] : [kv.slice(0, eq).toLowerCase(), kv.slice(eq + 1)];
    }),
  );
  const source = fields.get('source') ?? fields.get('src');
  if (source === undefined || (fields.get('type') ?? 'volume') !== 'bind') return undefined;
  const ro = fields.get('readonly') ?? fields.get('ro');
  return { source, readOnly: ro !== undefined && ro !== 'false' };
}

function mountDanger(source: string, readOnly: boolean): { what: string; severity: Severity } | undefined {
  const path = trimSlash(source);
  if (SOCKET.test(path))
    return {
      what: `mounts the container engine socket ${path}, which gives full control of the host`,
      severity: 'high',
    };
  if (CREDENTIALS.test(path)) return { what: `mounts the credentials folder ${path}`, severity: 'high' };
  const severity: Severity = readOnly ? 'medium' : 'high';
  const access = readOnly ? 'read-only' : 'read-write';
  if (ROOT.test(path)) return { what: `mounts the host's root folder ${path} ${access}`, severity };
  if (HOME.test(path)) return { what: `mounts the home folder ${path} ${access}`, severity };
  if (SYSTEM.test(path)) return { what: `mounts the host system folder ${path} ${access}`, severity };
  return undefined;
}

function dangers(run: DockerRun): Danger[] {
  const found: Danger[] = [];
  for (const option of run.options) {
    const name = option.name;
    const value = option.value;
    const field = (option.valueWord ?? option.word).field;
    const evidence = maskedEvidence(
      value === undefined || option.valueWord === option.word ? option.word.text : `${name} ${value}`,
    );
    const add = (what: string, severity: Severity = 'high'): void => {
      found.push({ field, what, evidence, severity });
    };
    if (name === '--privileged' && (value === undefined || value === 'true'))
      add('runs the container privileged, with every device and capability of the host');
    else if (name === '--use-api-socket')
      add('gives the container the Docker API socket, which gives full control of the host');
    else if (HOST_NAMESPACES.has(name) && value === 'host')
      add(`shares the host's ${name === '--net' ? 'network' : name.slice(2)} namespace`);
    else if (name === '--cap-add' && value !== undefined) {
      const caps = value.split(',').map((c) => c.trim().toUpperCase().replace(/^CAP_/, ''));
      const bad = caps.filter((c) => ESCAPE_CAPS.has(c));
      if (bad.length > 0)
        add(
          `adds the ${bad.join(', ')} capabilit${bad.length > 1 ? 'ies' : 'y'}, enough to escape the container`,
        );
    } else if (
      name === '--security-opt' &&
      value !== undefined &&
      /^(?:seccomp|apparmor|systempaths)[=:]unconfined$|^label[=:]disable$/i.test(value)
    ) {
      add(`turns off a container confinement (${value})`);
    } else if ((name === '-v' || name === '--volume') && value !== undefined) {
      const { source, readOnly } = volumeParts(value);
      const danger = mountDanger(source, readOnly);
      if (danger) add(danger.what, danger.severity);
    } else if (name === '--mount' && value !== undefined) {
      const parts = mountParts(value);
      const danger = parts && mountDanger(parts.source, parts.readOnly);
      if (danger) add(danger.what, danger.severity);
    }
  }
  return found;
}

export const dockerDangerousFlags = defineRule<ConfigRuleContext>({
  id: 'config/docker-dangerous-flags',
  meta: {
    title: 'Containerised MCP server run with host access',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-250', 'CWE-668'],
    description:
      'Finds `docker run` / `podman run` server commands that undo the isolation a container is used for: ' +
      '`--privileged`, host network, PID or IPC namespaces, escape-grade capabilities (`--cap-add ALL`, ' +
      '`SYS_ADMIN`), confinement turned off, the container engine socket mounted, or the host root, home, ' +
      'credentials or system folders mounted. A server with any of these can read or take over the host; ' +
      'a read-only mount of the home or root folder is reported at medium severity.',
    remediation:
      'Drop the flag; mount only the project folder the server needs, read-only where it can be. When the ' +
      'server genuinely needs the access (a Docker-managing server given the socket on purpose), record an ' +
      'allowlist entry with the reason.',
    references: [
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const words of invocations(server)) {
        const run = dockerRun(words);
        if (!run) continue;
        for (const danger of dangers(run)) {
          const hit = serverHit(
            server,
            danger.field,
            `Server "${server.name}" ${danger.what} (${run.runner}).`,
            danger.evidence,
          );
          if (danger.severity !== 'high') hit.severity = danger.severity;
          hits.push(hit);
        }
      }
    }
    return hits;
  },
});
