import {
  child,
  children,
  isNode,
  staticKey,
  stringsOf,
  unwrap,
  type AstNode,
  type Binding,
  type CallSite,
  type CodeModel,
} from '../../analyze/code/index.js';

/** How many expressions one backward trace may visit. */
const TRACE_BUDGET = 400;
/** How many calls of a package function are followed into its parameters. */
const MAX_CALLERS = 8;

const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);

/** HTTP clients named by their module (or the global `fetch`); a bare name must be the whole path. */
const NETWORK_EXACT: ReadonlySet<string> = new Set([
  'fetch',
  'globalThis.fetch',
  'node-fetch',
  'cross-fetch',
  'undici.fetch',
  'undici.request',
  'undici.stream',
  'axios',
  'got',
  'request',
  'needle',
  'ky',
  'http.get',
  'http.request',
  'https.get',
  'https.request',
]);
const NETWORK_METHOD =
  /^(?:axios|got|ky|needle|request|superagent|node-fetch)(?:\.(?:create|extend|defaults)\(\))?\.(?:get|post|put|patch|request|stream)$/;

function isNetworkCallee(callee: string): boolean {
  return NETWORK_EXACT.has(callee) || NETWORK_METHOD.test(callee);
}

/** Command-line downloaders. */
export const DOWNLOADER =
  /(?:^|[\s;&|('"`/])(?:curl|wget|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)(?:\.exe)?\b/i;

interface FlowIndex {
  /** Values written to a binding other than by its declaration: `x = v`, `x += v`, `x.push(v)`. */
  readonly extraWrites: Map<Binding, AstNode[]>;
  readonly callByNode: Map<AstNode, CallSite>;
  readonly callsByName: Map<string, CallSite[]>;
}

const indexes = new WeakMap<CodeModel, FlowIndex>();

function flowIndex(model: CodeModel): FlowIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const extraWrites = new Map<Binding, AstNode[]>();
  const add = (target: AstNode | undefined, value: AstNode | undefined): void => {
    const id = target ? unwrap(target) : undefined;
    if (id?.type !== 'Identifier' || !value) return;
    const binding = model.bindingOf(id);
    if (!binding) return;
    const list = extraWrites.get(binding) ?? [];
    list.push(value);
    extraWrites.set(binding, list);
  };
  for (const { node } of model.assignments) add(child(node, 'left'), child(node, 'right'));
  const callByNode = new Map<AstNode, CallSite>();
  const callsByName = new Map<string, CallSite[]>();
  for (const call of model.calls) {
    callByNode.set(call.node, call);
    const callee = unwrap(child(call.node, 'callee') ?? call.node);
    const name =
      callee.type === 'Identifier'
        ? String(callee.name)
        : callee.type === 'MemberExpression'
          ? staticKey(callee)
          : undefined;
    if (name !== undefined) {
      const list = callsByName.get(name) ?? [];
      list.push(call);
      callsByName.set(name, list);
    }
    if (callee.type === 'MemberExpression' && ['push', 'unshift'].includes(staticKey(callee) ?? ''))
      for (const arg of call.args) add(child(callee, 'object'), arg);
  }
  const index = { extraWrites, callByNode, callsByName };
  indexes.set(model, index);
  return index;
}

export function callAt(model: CodeModel, node: AstNode): CallSite | undefined {
  return flowIndex(model).callByNode.get(unwrap(node));
}

/** Calls by the last segment of their callee (`push`, `run`, `silentHarvest`). */
export function callsNamed(model: CodeModel, name: string): readonly CallSite[] {
  return flowIndex(model).callsByName.get(name) ?? [];
}

/** The package function a callee refers to. */
export function functionOf(model: CodeModel, callee: AstNode): AstNode | undefined {
  const target = unwrap(callee);
  if (FUNCTION_TYPES.has(target.type)) return target;
  const value = model.resolve(target).find((v) => v.kind === 'function');
  return value?.kind === 'function' ? value.node : undefined;
}

/** Every direct child node of a node. */
export function kids(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

/** The expressions a function returns (not those of nested functions). */
export function returnsOf(fn: AstNode): AstNode[] {
  const body = child(fn, 'body');
  if (!body) return [];
  if (body.type !== 'BlockStatement') return [body];
  const out: AstNode[] = [];
  const stack = [body];
  let budget = 20_000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (!node || FUNCTION_TYPES.has(node.type) || node.type === 'ClassBody') continue;
    if (node.type === 'ReturnStatement') {
      const argument = child(node, 'argument');
      if (argument) out.push(argument);
      continue;
    }
    stack.push(...kids(node));
  }
  return out;
}

function functionName(model: CodeModel, fn: AstNode): string | undefined {
  const id = child(fn, 'id');
  if (id?.type === 'Identifier') return String(id.name);
  const parent = model.parentOf(fn);
  if (parent?.type === 'VariableDeclarator') {
    const target = child(parent, 'id');
    return target?.type === 'Identifier' ? String(target.name) : undefined;
  }
  if (parent?.type === 'Property' || parent?.type === 'MethodDefinition') return staticKey(parent);
  return undefined;
}

/** Where a parameter's value comes from: the callback's caller, or the arguments of calls. */
function paramSources(model: CodeModel, binding: Binding): AstNode[] {
  const fn = binding.fn;
  if (!fn || binding.paramIndex === undefined) return [];
  const parent = model.parentOf(fn);
  const call = parent ? callAt(model, parent) : undefined;
  if (call?.args.includes(fn)) {
    const callee = unwrap(child(call.node, 'callee') ?? call.node);
    const method = callee.type === 'MemberExpression' ? staticKey(callee) : undefined;
    const receiver = callee.type === 'MemberExpression' ? child(callee, 'object') : undefined;
    if (receiver && method !== undefined && ['then', 'on', 'once', 'pipe', 'map', 'forEach'].includes(method))
      return [receiver];
    return [call.node];
  }
  const name = functionName(model, fn);
  if (name === undefined) return [];
  const out: AstNode[] = [];
  for (const caller of callsNamed(model, name)) {
    if (out.length >= MAX_CALLERS) break;
    const callee = child(caller.node, 'callee');
    if (!callee || functionOf(model, callee) !== fn) continue;
    const arg = caller.args[binding.paramIndex];
    if (arg) out.push(arg);
  }
  return out;
}

/** Methods whose result carries the receiver's data (a response body, a string, a buffer, a stream). */
const DATA_METHODS: ReadonlySet<string> = new Set([
  'text',
  'json',
  'arrayBuffer',
  'buffer',
  'blob',
  'toString',
  'valueOf',
  'slice',
  'subarray',
  'substring',
  'substr',
  'concat',
  'join',
  'split',
  'trim',
  'trimStart',
  'trimEnd',
  'replace',
  'replaceAll',
  'toLowerCase',
  'toUpperCase',
  'reverse',
  'map',
  'filter',
  'reduce',
  'flat',
  'at',
  'then',
  'catch',
  'finally',
  'pipe',
  'pipeThrough',
  'read',
  'decode',
]);

/**
 * The first node `isSource` accepts among the expressions a value derives from, following
 * bindings (declarations, assignments, pushes), members, calls (the returns of package
 * functions; otherwise the arguments, and the receiver of data methods such as `text`/`toString`), awaits, promise and stream callbacks, and the callers of
 * package functions. Bounded; never crosses into a function that is merely defined.
 */
export function traceSource(
  model: CodeModel,
  start: AstNode,
  isSource: (node: AstNode) => boolean,
): AstNode | undefined {
  const index = flowIndex(model);
  const seen = new Set<AstNode>();
  const seenBindings = new Set<Binding>();
  const stack: AstNode[] = [start];
  let budget = TRACE_BUDGET;
  while (stack.length > 0 && budget-- > 0) {
    const raw = stack.pop();
    if (!raw) break;
    const node = unwrap(raw);
    if (seen.has(node)) continue;
    seen.add(node);
    if (isSource(node)) return node;
    switch (node.type) {
      case 'Identifier': {
        const binding = model.bindingOf(node);
        if (!binding || seenBindings.has(binding)) break;
        seenBindings.add(binding);
        if (binding.kind === 'function' || binding.kind === 'class') break;
        if (binding.kind === 'param') stack.push(...paramSources(model, binding));
        if (binding.init) stack.push(binding.init);
        if (binding.defaultValue) stack.push(binding.defaultValue);
        stack.push(...binding.writes, ...binding.assigns, ...binding.memberWrites.map((w) => w.value));
        stack.push(...(index.extraWrites.get(binding) ?? []));
        break;
      }
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
      case 'ClassDeclaration':
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = child(node, 'callee');
        const fn = callee ? functionOf(model, callee) : undefined;
        if (fn) {
          stack.push(...returnsOf(fn));
          break;
        }
        const target = callee ? unwrap(callee) : undefined;
        if (target?.type === 'MemberExpression' && DATA_METHODS.has(staticKey(target) ?? '')) {
          const object = child(target, 'object');
          if (object) stack.push(object);
        }
        stack.push(...children(node, 'arguments'));
        break;
      }
      case 'MemberExpression': {
        const object = child(node, 'object');
        if (object) stack.push(object);
        break;
      }
      default:
        stack.push(...kids(node));
    }
  }
  return undefined;
}

/** The command text of an exec-family call: its first argument and the items of an argv array. */
export function commandText(model: CodeModel, call: CallSite): string {
  return call.args
    .slice(0, 2)
    .flatMap((arg) => {
      const values = model.resolve(arg);
      return [
        ...stringsOf(values),
        ...values.flatMap((v) => (v.kind === 'array' ? v.items.flatMap((item) => stringsOf(item)) : [])),
      ];
    })
    .join(' ');
}

const EXEC_NAMES: ReadonlySet<string> = new Set([
  'exec',
  'execSync',
  'spawn',
  'spawnSync',
  'execFile',
  'execFileSync',
  'fork',
]);

/**
 * A process launch: a `child_process` function (imported, required, destructured or promisified),
 * `execa`/`cross-spawn`, or a bare `exec`/`spawn` name; never `pattern.exec()` of a RegExp.
 */
export function isExecCall(model: CodeModel, call: CallSite): boolean {
  const callee = call.callee;
  if (callee.startsWith('child_process.')) return EXEC_NAMES.has(callee.slice('child_process.'.length));
  if (/^(?:execa|cross-spawn|@?zx)(?:\.|$)/.test(callee)) return true;
  if (/(?:^|\.)promisify\(\)$/.test(callee)) {
    const id = unwrap(child(call.node, 'callee') ?? call.node);
    const init = id.type === 'Identifier' ? model.bindingOf(id)?.init : undefined;
    const wrapped = init ? children(unwrap(init), 'arguments')[0] : undefined;
    const file = wrapped ? model.fileOf(wrapped) : undefined;
    return (
      wrapped !== undefined &&
      file !== undefined &&
      /^(?:child_process\.|cp\.)?(?:exec|execFile)$/.test(file.source.slice(wrapped.start, wrapped.end))
    );
  }
  return EXEC_NAMES.has(callee) || /^execa(?:Sync|Command|CommandSync)?$/.test(callee);
}

/** A network request: an HTTP client call, or `curl`/`wget` run as a command. */
export function isNetworkCall(model: CodeModel, call: CallSite): boolean {
  if (isNetworkCallee(call.callee)) return true;
  return isExecCall(model, call) && DOWNLOADER.test(commandText(model, call));
}

/** Whether a node is a network request call. */
export function networkSource(model: CodeModel): (node: AstNode) => boolean {
  return (node) => {
    const call = callAt(model, node);
    return call !== undefined && isNetworkCall(model, call);
  };
}

const importMemo = new WeakMap<CodeModel, AstNode[]>();

/** Every `import(…)` expression of the package's non-test files. */
export function importExpressions(model: CodeModel): readonly AstNode[] {
  const cached = importMemo.get(model);
  if (cached) return cached;
  const out: AstNode[] = [];
  for (const file of model.files) {
    if (file.isTest || !file.source.includes('import(')) continue;
    const stack: AstNode[] = [file.program];
    let budget = 2_000_000;
    while (stack.length > 0 && budget-- > 0) {
      const node = stack.pop();
      if (!node) break;
      if (node.type === 'ImportExpression') out.push(node);
      stack.push(...kids(node));
    }
  }
  importMemo.set(model, out);
  return out;
}
