import {
  calleeMatches,
  child,
  staticKey,
  stringsOf,
  unwrap,
  type AstNode,
  type CallSite,
  type CodeModel,
} from '../../analyze/code/index.js';
import type { Severity } from '../../model/severity.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import { callAt, importExpressions, networkSource, traceSource } from './data-flow.js';

const VM_SINKS = [
  'vm.runInThisContext',
  'vm.runInNewContext',
  'vm.runInContext',
  'vm.Script',
  'vm.compileFunction',
];
const GLOBAL_DECODERS: ReadonlySet<string> = new Set(['atob', 'unescape', 'decodeURIComponent', 'decodeURI']);
const METHOD_DECODERS: ReadonlySet<string> = new Set([
  'fromCharCode',
  'fromCodePoint',
  'reverse',
  'inflateSync',
  'inflateRawSync',
  'gunzipSync',
  'unzipSync',
  'brotliDecompressSync',
]);
/** Text that makes a constant code string worth reporting even when short. */
const POWERFUL =
  /\brequire\s*\(|\bimport\s*\(|child_process|process\.env|process\.binding|\bfs\.|\bhttps?\b|\bnet\.|\beval\s*\(|Buffer\.from/;
/** `return import(x)` / `return require(x)`: the shim that hides a dynamic import from compilers. */
const IMPORT_SHIM = /^\s*return\s+(?:import|require)\s*\(\s*[\w$]+\s*\)\s*;?\s*$/;
/** A tool whose purpose is running code the caller writes. */
const CODE_RUNNER =
  /(?:^|[_\-.\s])(?:run|exec|execute|eval|evaluate)[_\-.\s]?(?:js|javascript|code|script|node|snippet)|javascript|repl|sandbox|evaluate/i;
const LONG_CODE = 200;
const ESCAPES = /\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]+\})/gi;

function isUnboundGlobal(model: CodeModel, node: AstNode, names: ReadonlySet<string> | string): boolean {
  const inner = unwrap(node);
  if (inner.type !== 'Identifier') return false;
  const name = String(inner.name);
  const match = typeof names === 'string' ? name === names : names.has(name);
  return match && !model.bindingOf(inner);
}

/** A call that decodes or unscrambles text: base64/hex `Buffer.from`, `atob`, `fromCharCode`, `reverse`, inflate. */
function isDecoder(model: CodeModel, node: AstNode): boolean {
  if (node.type === 'Literal') {
    const file = model.fileOf(node);
    const raw = file ? file.source.slice(node.start, node.end) : '';
    return (raw.match(ESCAPES)?.length ?? 0) >= 6;
  }
  if (node.type !== 'CallExpression') return false;
  const callee = unwrap(child(node, 'callee') ?? node);
  if (callee.type === 'Identifier') return isUnboundGlobal(model, callee, GLOBAL_DECODERS);
  if (callee.type !== 'MemberExpression') return false;
  const method = staticKey(callee);
  if (method !== undefined && METHOD_DECODERS.has(method)) return true;
  const object = child(callee, 'object');
  if (method === 'from' && object && isUnboundGlobal(model, object, 'Buffer')) {
    const encoding = callAt(model, node)?.args[1];
    return (
      encoding !== undefined &&
      stringsOf(model.resolve(encoding)).some((e) => /^(?:base64|base64url|hex)$/i.test(e))
    );
  }
  return false;
}

/**
 * Whether the decoding is of data the package ships: the code resolves to a constant, or the
 * decoder's input is a constant string or array. Runtime decoding of memory or input (WebAssembly
 * glue reading strings out of its heap) is not hiding anything.
 */
function decodesConstant(model: CodeModel, arg: AstNode, decoder: AstNode): boolean {
  if (decoder.type === 'Literal') return true;
  if (stringsOf(model.resolve(arg)).length > 0) return true;
  const call = callAt(model, decoder);
  const callee = unwrap(child(decoder, 'callee') ?? decoder);
  const input = call?.args[0] ?? (callee.type === 'MemberExpression' ? child(callee, 'object') : undefined);
  if (!input) return false;
  return model
    .resolve(input)
    .some(
      (v) =>
        (v.kind === 'primitive' && typeof v.value === 'string' && v.value.length >= 16) ||
        (v.kind === 'array' && v.items.length >= 8),
    );
}

interface Sink {
  node: AstNode;
  name: string;
  code: readonly AstNode[];
  /** `require`/`import()`: only decoded names are reported. */
  loader: boolean;
}

function sinkOf(model: CodeModel, call: CallSite): Sink | undefined {
  const callee = child(call.node, 'callee');
  if (!callee) return undefined;
  const [first] = call.args;
  if (!first) return undefined;
  if (isUnboundGlobal(model, callee, 'eval'))
    return { node: call.node, name: 'eval', code: [first], loader: false };
  if (isUnboundGlobal(model, callee, 'Function'))
    return {
      node: call.node,
      name: call.isNew ? 'new Function' : 'Function',
      code: call.args,
      loader: false,
    };
  if (VM_SINKS.some((n) => calleeMatches(call.callee, n)))
    return { node: call.node, name: call.callee, code: [first], loader: false };
  if (isUnboundGlobal(model, callee, new Set(['setTimeout', 'setInterval', 'setImmediate']))) {
    const values = model.resolve(first);
    if (values.some((v) => v.kind === 'function') || stringsOf(values).length === 0) return undefined;
    return { node: call.node, name: call.callee, code: [first], loader: false };
  }
  const isRequire =
    isUnboundGlobal(model, callee, 'require') || /(?:^|\.)createRequire\(\)$/.test(call.callee);
  if (isRequire && unwrap(first).type !== 'Literal')
    return { node: call.node, name: 'require', code: [first], loader: true };
  return undefined;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

export const dynamicCodeExecution = defineRule<CodeRuleContext>({
  id: 'code/dynamic-code-execution',
  meta: {
    title: 'Hidden code run through eval, Function, vm or a computed require',
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-95', 'CWE-506'],
    description:
      'Finds `eval`, `new Function`, `vm.runInThisContext`/`runInNewContext`/`runInContext`, `vm.Script`, ' +
      '`vm.compileFunction`, `setTimeout`/`setInterval` with a string, and `require`/`import()` of a computed ' +
      'module name, when what they run is decoded or unscrambled (base64 or hex `Buffer.from`, `atob`, ' +
      '`String.fromCharCode`, reversed strings, inflated bytes, dense `\\x`/`\\u` escapes): critical, since the ' +
      'code was hidden from review on purpose. A long constant code string, or one that reaches for modules, ' +
      'the environment or the network, is high. Code from a tool argument is high, or medium when the tool is ' +
      'a code runner whose purpose is to run it. Bundler shims (`new Function("return this")`, ' +
      '`eval("require")`, `new Function("s", "return import(s)")`) and computed requires of plain paths are ' +
      'not reported; downloaded code is left to `code/download-and-execute`.',
    remediation:
      'Decode the string yourself (the finding shows the start of it) and read what it does. Legitimate code ' +
      'has no reason to hide what it runs: ship it as source. For a code-runner tool, run the code in a ' +
      'sandbox (a separate process with no credentials, or a VM) and say so in the tool description.',
    references: [
      'https://cwe.mitre.org/data/definitions/95.html',
      'https://github.com/DataDog/guarddog',
      'https://osv.dev/vulnerability/MAL-2026-10481',
    ],
  },
  check(context) {
    const { model } = context;
    const hits: RuleHit[] = [];
    const sinks: Sink[] = [];
    for (const call of model.calls) {
      if (call.file.isTest) continue;
      const sink = sinkOf(model, call);
      if (sink) sinks.push(sink);
    }
    for (const node of importExpressions(model)) {
      const source = child(node, 'source');
      if (source && unwrap(source).type !== 'Literal')
        sinks.push({ node, name: 'import()', code: [source], loader: true });
    }
    const network = networkSource(model);
    for (const sink of sinks) {
      if (sink.code.some((arg) => traceSource(model, arg, network))) continue;
      const decoded = sink.code
        .map((arg) => ({ arg, decoder: traceSource(model, arg, (n) => isDecoder(model, n)) }))
        .find((d) => d.decoder !== undefined && decodesConstant(model, d.arg, d.decoder));
      if (decoded?.decoder) {
        const text = stringsOf(model.resolve(decoded.arg))[0];
        const what = text !== undefined ? ` (decodes to "${preview(text)}")` : '';
        const where = model.locate(decoded.decoder).line;
        hits.push(
          nodeHit(
            context,
            sink.node,
            sink.loader
              ? `${sink.name} loads a module whose name is decoded at line ${where ?? '?'}${what}: the package hides which module it loads.`
              : `${sink.name} runs code decoded at line ${where ?? '?'}${what}: the package hides what it executes.`,
            { severity: 'critical' },
          ),
        );
        continue;
      }
      if (sink.loader) continue;
      const tainted = sink.code.some((arg) => model.isTainted(arg));
      if (tainted) {
        const tool = model.toolFor(sink.node);
        const runner = tool?.name !== undefined && CODE_RUNNER.test(tool.name);
        const severity: Severity = runner ? 'medium' : 'high';
        const name = tool?.name !== undefined ? `tool "${tool.name}"` : 'a tool';
        hits.push(
          nodeHit(
            context,
            sink.node,
            runner
              ? `${sink.name} runs code the caller of ${name} supplies, in the server's own process: a code runner without a sandbox.`
              : `${sink.name} runs text that the caller of ${name} supplies: a tool argument becomes code in the server's process.`,
            { severity },
          ),
        );
        continue;
      }
      const constant = sink.code
        .flatMap((arg) => stringsOf(model.resolve(arg)))
        .find((s) => !IMPORT_SHIM.test(s) && (s.length >= LONG_CODE || POWERFUL.test(s)));
      if (constant !== undefined)
        hits.push(
          nodeHit(
            context,
            sink.node,
            `${sink.name} runs a constant code string of ${constant.length} characters ("${preview(constant)}") instead of code the package ships as source.`,
          ),
        );
    }
    return hits;
  },
});
