import {
  calleeMatches,
  child,
  stringsOf,
  unwrap,
  type AstNode,
  type Binding,
  type CallSite,
  type CodeModel,
} from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import {
  DOWNLOADER,
  callAt,
  commandText,
  importExpressions,
  isExecCall,
  networkSource,
  kids,
  traceSource,
} from './data-flow.js';

/** Calls that compile or run JavaScript text. */
const CODE_SINKS = [
  'eval',
  'Function',
  'vm.runInThisContext',
  'vm.runInNewContext',
  'vm.runInContext',
  'vm.Script',
  'vm.compileFunction',
  'vm.SourceTextModule',
  '_compile',
];
const WRITE_CALLS = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'outputFile',
  'outputFileSync',
];
const CHMOD_CALLS = ['chmod', 'chmodSync', 'fchmod', 'fchmodSync'];
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|k|da)?sh$|^(?:cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh)$/i;
/** A downloader whose output goes straight into a shell or interpreter. */
const PIPED =
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:node|python3?|perl|ruby)\b|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|;\n]*\|\s*(?:iex|Invoke-Expression)\b/i;

type PathKey = string | Binding;

function isGlobal(model: CodeModel, call: CallSite, name: string): boolean {
  const callee = unwrap(child(call.node, 'callee') ?? call.node);
  return callee.type === 'Identifier' && callee.name === name && !model.bindingOf(callee);
}

/** `require`, global or made by `createRequire`. */
function isRequire(model: CodeModel, call: CallSite): boolean {
  return isGlobal(model, call, 'require') || /(?:^|\.)createRequire\(\)$/.test(call.callee);
}

function isCodeSink(model: CodeModel, call: CallSite): boolean {
  if (call.callee === 'eval' || call.callee === 'Function') return isGlobal(model, call, call.callee);
  return (
    CODE_SINKS.some((n) => n.includes('.') && calleeMatches(call.callee, n)) ||
    calleeMatches(call.callee, '_compile')
  );
}

/** Constant values and bindings that name a file path. */
function pathKeys(model: CodeModel, node: AstNode): PathKey[] {
  const out: PathKey[] = [];
  const strings = stringsOf(model.resolve(node)).filter((s) => s.length > 1);
  out.push(...strings);
  const stack = [node];
  let budget = 40;
  while (stack.length > 0 && budget-- > 0) {
    const current = stack.pop();
    if (!current) break;
    const inner = unwrap(current);
    if (inner.type === 'Identifier') {
      const binding = model.bindingOf(inner);
      if (binding && binding.kind !== 'import' && binding.kind !== 'function') out.push(binding);
    } else if (inner.type !== 'MemberExpression') stack.push(...kids(inner));
  }
  return out;
}

function sharesKey(
  model: CodeModel,
  keys: readonly PathKey[],
  nodes: readonly AstNode[],
  text: string,
): boolean {
  for (const node of nodes) {
    const other = pathKeys(model, node);
    if (other.some((k) => typeof k !== 'string' && keys.includes(k))) return true;
  }
  return keys.some((k) => typeof k === 'string' && k.length > 2 && text.includes(k));
}

/** The expression an exec-family call runs as shell text: `exec(x)`, or `spawn('sh', ['-c', x])`. */
function commandPayload(model: CodeModel, call: CallSite): AstNode | undefined {
  const [first, second] = call.args;
  if (!first) return undefined;
  if (!/spawn|execFile|fork/i.test(call.callee)) return first;
  const program = stringsOf(model.resolve(first))[0]?.trim() ?? '';
  const argv = second ? unwrap(second) : undefined;
  if (!SHELL.test(program) || argv?.type !== 'ArrayExpression') return undefined;
  return kids(argv).at(-1);
}

/** Whether an expression is data alone, with no command text of the package's own around it. */
function isWhollyData(model: CodeModel, raw: AstNode, depth: number): boolean {
  const node = unwrap(raw);
  if (depth > 4) return true;
  if (node.type === 'Literal') return false;
  if (node.type === 'TemplateLiteral') return false;
  if (node.type === 'BinaryExpression') return false;
  if (node.type === 'Identifier') {
    const binding = model.bindingOf(node);
    if (binding?.init && binding.writes.length === 0) return isWhollyData(model, binding.init, depth + 1);
  }
  return true;
}

const VERIFY = /createHash|verify|checksum|integrity|sha256|sha512|signature/i;

/** Whether the downloaded data is checked against a hash or signature in the function that fetched it. */
function verified(model: CodeModel, source: AstNode): boolean {
  const fn = model.enclosingFunction(source);
  const file = model.fileOf(source);
  return model.calls.some(
    (c) =>
      c.file === file &&
      (fn === undefined || (fn.start <= c.node.start && c.node.end <= fn.end)) &&
      VERIFY.test(c.callee) &&
      c.args.some((arg) => traceSource(model, arg, (n) => n === source) !== undefined),
  );
}

interface Written {
  call: CallSite;
  source: AstNode;
  keys: PathKey[];
}

function hasExecuteBit(model: CodeModel, node: AstNode | undefined): boolean {
  if (!node) return false;
  return model.resolve(node).some((v) => {
    if (v.kind !== 'primitive') return false;
    if (typeof v.value === 'number') return (v.value & 0o111) !== 0;
    if (typeof v.value === 'string')
      return (/^[0-7]*[1357][0-7]{0,2}$/.test(v.value) && /[1357]/.test(v.value)) || /\+x/.test(v.value);
    return false;
  });
}

export const downloadAndExecute = defineRule<CodeRuleContext>({
  id: 'code/download-and-execute',
  meta: {
    title: 'Code downloaded from the network is executed',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-494', 'CWE-506'],
    description:
      'Finds data fetched from the network (`fetch`, `axios`, `got`, `request`, `undici`, `http(s).get`/`request`, ' +
      'or `curl`/`wget` run as a command) that is then executed: passed to `eval`, `new Function`, `vm.run*`, ' +
      '`vm.Script`, `module._compile`, `require`/`import()`, run as a shell command, or written to a file that ' +
      'is then made executable, spawned, required or imported; and `curl … | sh` run from code. The payload ' +
      'is not in the package, so nothing else a scanner reads shows what runs. When the URL comes from a tool ' +
      'argument the hit is high: the caller chooses what runs.',
    remediation:
      'Do not install or run the package. If it is your own code, ship what it runs inside the package (pinned ' +
      'and reviewed), or verify a signature or a pinned hash of the download before running it.',
    references: ['https://cwe.mitre.org/data/definitions/494.html', 'https://github.com/DataDog/guarddog'],
  },
  check(context) {
    const { model } = context;
    const hits: RuleHit[] = [];
    const reported = new Set<AstNode>();
    const network = networkSource(model);
    const report = (at: AstNode, source: AstNode, what: string): void => {
      if (reported.has(at) || verified(model, source)) return;
      reported.add(at);
      const from = callAt(model, source);
      const where = model.locate(source);
      const tainted = from?.args[0] !== undefined && model.isTainted(from.args[0]);
      const tool =
        from && isExecCall(model, from) ? DOWNLOADER.exec(commandText(model, from))?.[0].trim() : undefined;
      const origin = `${from?.callee ?? 'a network request'}${tool !== undefined ? ` running ${tool.replace(/^[\s;&|('"`/]+/, '')}` : ''} (line ${where.line ?? '?'})`;
      hits.push(
        nodeHit(
          context,
          at,
          tainted
            ? `${what} data downloaded by ${origin} from a URL the tool caller supplies: the caller decides what code runs on this machine.`
            : `${what} data downloaded by ${origin}: code that is not in the package runs with the user's rights.`,
          tainted ? { severity: 'high' } : {},
        ),
      );
    };
    const calls = model.calls.filter((c) => !c.file.isTest);
    for (const call of calls) {
      const [first] = call.args;
      if (isCodeSink(model, call)) {
        for (const arg of call.args) {
          const source = traceSource(model, arg, network);
          if (source) {
            report(call.node, source, `${call.callee} compiles and runs`);
            break;
          }
        }
      } else if (isRequire(model, call) && first && unwrap(first).type !== 'Literal') {
        const source = traceSource(model, first, network);
        if (source) report(call.node, source, 'require loads a module named by');
      } else if (isExecCall(model, call)) {
        const text = commandText(model, call);
        if (PIPED.test(text)) {
          hits.push(
            nodeHit(
              context,
              call.node,
              `${call.callee} pipes a download into an interpreter (${DOWNLOADER.exec(text)?.[0].trim() ?? 'curl'} … | sh): whatever the server returns is run.`,
            ),
          );
          reported.add(call.node);
          continue;
        }
        const payload = commandPayload(model, call);
        if (!payload || !isWhollyData(model, payload, 0)) continue;
        const source = traceSource(model, payload, (n) => n !== call.node && network(n));
        if (source) report(call.node, source, `${call.callee} runs, as a shell command,`);
      }
    }
    for (const node of importExpressions(model)) {
      const source = child(node, 'source');
      if (!source || unwrap(source).type === 'Literal') continue;
      const found = traceSource(model, source, network);
      if (found) report(node, found, 'import() loads a module named by');
    }
    const written: Written[] = [];
    for (const call of calls) {
      if (!WRITE_CALLS.some((n) => calleeMatches(call.callee, n))) continue;
      const [target, data] = call.args;
      if (!target || !data) continue;
      const source = traceSource(model, data, network);
      if (source) written.push({ call, source, keys: pathKeys(model, target) });
    }
    for (const call of calls) {
      if (!calleeMatches(call.callee, 'pipe') && !calleeMatches(call.callee, 'pipeline')) continue;
      const streams = calleeMatches(call.callee, 'pipe')
        ? [child(unwrap(child(call.node, 'callee') ?? call.node), 'object'), ...call.args]
        : [...call.args];
      const writer = streams.find(
        (s) =>
          s && traceSource(model, s, (n) => callAt(model, n)?.callee.endsWith('createWriteStream') === true),
      );
      const reader = streams.find((s) => s && s !== writer && traceSource(model, s, network));
      if (!writer || !reader) continue;
      const ws = traceSource(
        model,
        writer,
        (n) => callAt(model, n)?.callee.endsWith('createWriteStream') === true,
      );
      const wsCall = ws ? callAt(model, ws) : undefined;
      const source = traceSource(model, reader, network);
      if (wsCall?.args[0] && source)
        written.push({ call: wsCall, source, keys: pathKeys(model, wsCall.args[0]) });
    }
    if (written.length === 0) return hits;
    for (const call of calls) {
      if (reported.has(call.node)) continue;
      const [first, second] = call.args;
      if (!first) continue;
      let what: string | undefined;
      let nodes: AstNode[] = [];
      if (CHMOD_CALLS.some((n) => calleeMatches(call.callee, n)) && hasExecuteBit(model, second)) {
        what = `${call.callee} makes executable a file holding`;
        nodes = [first];
      } else if (isExecCall(model, call)) {
        what = `${call.callee} runs a file holding`;
        nodes = call.args.slice(0, 2);
      } else if (
        (isRequire(model, call) && unwrap(first).type !== 'Literal') ||
        calleeMatches(call.callee, 'process.dlopen')
      ) {
        what = `${call.callee} loads a file holding`;
        nodes = [first];
      }
      if (what === undefined) continue;
      const text = commandText(model, call);
      const match = written.find((w) => w.call.node !== call.node && sharesKey(model, w.keys, nodes, text));
      if (match) report(call.node, match.source, what);
    }
    for (const node of importExpressions(model)) {
      const source = child(node, 'source');
      if (!source || reported.has(node)) continue;
      const match = written.find((w) => sharesKey(model, w.keys, [source], ''));
      if (match) report(node, match.source, 'import() loads a file holding');
    }
    return hits;
  },
});
