import {
  calleeMatches,
  stringsOf,
  type AstNode,
  type CallSite,
  type CodeModel,
  type Value,
} from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';

const EXEC_CALLS = [
  'exec',
  'execSync',
  'spawn',
  'spawnSync',
  'execFile',
  'execFileSync',
  'fork',
  'execa',
  'execaSync',
  'execaCommand',
  'execaCommandSync',
];
const SOCKET_CALLS = [
  'net.connect',
  'net.createConnection',
  'tls.connect',
  'net.Socket',
  'net.Socket.connect',
];
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|k|da|c)?sh$|^(?:cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh)$/i;

/** Command lines that connect a shell to a remote host. */
const PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+/, what: 'a shell redirected to /dev/tcp' },
  { pattern: /\b(?:nc|ncat|netcat)\b[^|;&\n]*\s-[a-z]*[ec]\s/i, what: 'netcat executing a shell' },
  {
    pattern: /\bmkfifo\b[\s\S]{0,200}\b(?:nc|ncat|netcat|telnet)\b/,
    what: 'a named pipe relayed through netcat',
  },
  {
    pattern: /\bsocket\b[\s\S]{0,400}\bconnect\b[\s\S]{0,400}\bdup2\b/,
    what: 'a script connecting a socket to a shell',
  },
  { pattern: /\bsocat\b[\s\S]{0,200}\bexec:/i, what: 'socat executing a shell' },
  { pattern: /Net\.Sockets\.TCPClient/i, what: 'a PowerShell TCP client shell' },
];

function texts(model: CodeModel, call: CallSite): string[] {
  const parts: string[][] = call.args.slice(0, 3).map((arg) => {
    const values: readonly Value[] = model.resolve(arg);
    const direct = stringsOf(values);
    const items = values.flatMap((v) =>
      v.kind === 'array' ? v.items.flatMap((item) => stringsOf(item)) : [],
    );
    return [...direct, ...items];
  });
  return [parts.flat().join(' ')];
}

function within(node: AstNode, scope: AstNode | undefined): boolean {
  return scope === undefined || (scope.start <= node.start && node.end <= scope.end);
}

export const reverseShell = defineRule<CodeRuleContext>({
  id: 'code/reverse-shell',
  meta: {
    title: 'Reverse shell: a shell connected to a remote host',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-506', 'CWE-78'],
    description:
      'Finds code that hands a shell to a remote host: a command such as `bash -i >& /dev/tcp/…`, `nc -e`, ' +
      '`mkfifo … | nc` or a Python socket with `dup2` passed to `exec`/`spawn`, or a shell process spawned in ' +
      'the same function as a socket connection and piped to it. An MCP package has no reason to do either; ' +
      'the `@lanyer640/mcp-runcommand-server` package did both, at install and at server start.',
    remediation:
      'Do not install or run the package. Remove it, treat the machine as compromised (rotate credentials, look ' +
      'for persistence) and report the package to the registry.',
    references: [
      'https://osv.dev/vulnerability/MAL-2025-47838',
      'https://cwe.mitre.org/data/definitions/506.html',
    ],
  },
  check(context) {
    const { model } = context;
    const hits: RuleHit[] = [];
    const execs = model.calls.filter(
      (c) => !c.file.isTest && EXEC_CALLS.some((n) => calleeMatches(c.callee, n)),
    );
    for (const call of execs) {
      const text = texts(model, call).join(' ');
      const found = PATTERNS.find((p) => p.pattern.test(text));
      if (found)
        hits.push(
          nodeHit(
            context,
            call.node,
            `${call.callee} runs ${found.what}: a remote host gets a shell on this machine.`,
          ),
        );
    }
    const sockets = model.calls.filter(
      (c) =>
        SOCKET_CALLS.some((n) => calleeMatches(c.callee, n)) ||
        (c.isNew && calleeMatches(c.callee, 'Socket')),
    );
    if (sockets.length === 0) return hits;
    const reported = new Set(hits.map((h) => JSON.stringify(h.location)));
    for (const call of execs) {
      const [first] = call.args;
      if (!first || !stringsOf(model.resolve(first)).some((s) => SHELL.test(s.trim()))) continue;
      let scope = model.enclosingFunction(call.node);
      let socket = sockets.find((s) => s.file === call.file && within(s.node, scope));
      for (let level = 0; level < 3 && !socket && scope; level++) {
        scope = model.enclosingFunction(scope);
        socket = sockets.find((s) => s.file === call.file && within(s.node, scope));
      }
      const piped = model.calls.some(
        (c) => c.file === call.file && within(c.node, scope) && calleeMatches(c.callee, 'pipe'),
      );
      if (!socket || !piped) continue;
      const hit = nodeHit(
        context,
        call.node,
        `${call.callee} starts a shell whose input and output are piped to a network socket (${socket.callee}).`,
      );
      if (!reported.has(JSON.stringify(hit.location))) hits.push(hit);
    }
    return hits;
  },
});
