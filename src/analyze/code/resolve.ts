import { child, children, isFunction, staticKey, str, unwrap, type AstNode } from './ast.js';
import { bufferFrom, callGlobal, callMethod, fromCharCodes } from './decode.js';
import { Engine, requireSource } from './engine.js';
import { collectExports, resolveSpecifier, type ModuleExports } from './modules.js';
import type { Binding, PathStep } from './scopes.js';
import {
  UNKNOWN,
  UNKNOWN_SET,
  concatAll,
  fromJson,
  mergeObjects,
  onlyString,
  primitive,
  union,
  type Prop,
  type Value,
} from './values.js';

/** How many steps (bindings, members, calls, modules) one resolution may take. */
const MAX_DEPTH = 48;

/** Constant-value resolution over the package's files: memoised, bounded, scope-aware. */
export class Resolver {
  private readonly memo = new Map<AstNode, readonly Value[]>();
  private readonly exportsMemo = new Map<string, ModuleExports>();
  private readonly moduleMemo = new Map<string, Value>();

  constructor(private readonly engine: Engine) {}

  resolve(node: AstNode): readonly Value[] {
    return this.at(node, 0);
  }

  private at(node: AstNode, depth: number): readonly Value[] {
    if (depth > MAX_DEPTH) return UNKNOWN_SET;
    const cached = this.memo.get(node);
    if (cached) return cached;
    this.memo.set(node, UNKNOWN_SET);
    const result = this.compute(node, depth + 1);
    this.memo.set(node, result);
    return result;
  }

  private compute(raw: AstNode, depth: number): readonly Value[] {
    const node = unwrap(raw);
    if (node !== raw) return this.at(node, depth);
    switch (node.type) {
      case 'Literal': {
        const value = node.value;
        if (node.regex !== undefined || node.bigint !== undefined) return UNKNOWN_SET;
        return typeof value === 'string' ||
          typeof value === 'number' ||
          typeof value === 'boolean' ||
          value === null
          ? [primitive(value)]
          : UNKNOWN_SET;
      }
      case 'TemplateLiteral': {
        const quasis = children(node, 'quasis');
        const expressions = children(node, 'expressions');
        const parts: (readonly Value[])[] = [];
        quasis.forEach((q, i) => {
          const cooked = (q.value as { cooked?: unknown } | undefined)?.cooked;
          parts.push([typeof cooked === 'string' ? primitive(cooked) : UNKNOWN]);
          const expression = expressions[i];
          if (expression) parts.push(this.at(expression, depth));
        });
        return concatAll(parts);
      }
      case 'BinaryExpression': {
        if (str(node, 'operator') !== '+') return UNKNOWN_SET;
        const left = this.at(child(node, 'left') ?? node, depth);
        const right = this.at(child(node, 'right') ?? node, depth);
        const l = left[0];
        const r = right[0];
        if (left.length === 1 && right.length === 1 && l?.kind === 'primitive' && r?.kind === 'primitive')
          if (typeof l.value === 'number' && typeof r.value === 'number')
            return [primitive(l.value + r.value)];
        return concatAll([left, right]);
      }
      case 'LogicalExpression':
        return union(
          this.at(child(node, 'left') ?? node, depth),
          this.at(child(node, 'right') ?? node, depth),
        );
      case 'ConditionalExpression':
        return union(
          this.at(child(node, 'consequent') ?? node, depth),
          this.at(child(node, 'alternate') ?? node, depth),
        );
      case 'SequenceExpression': {
        const last = children(node, 'expressions').at(-1);
        return last ? this.at(last, depth) : UNKNOWN_SET;
      }
      case 'AwaitExpression':
        return this.at(child(node, 'argument') ?? node, depth);
      case 'Identifier':
        return this.identifier(node, depth);
      case 'ObjectExpression':
        return [this.object(node, depth)];
      case 'ArrayExpression':
        return [this.array(node, depth)];
      case 'MemberExpression':
        return this.member(node, depth);
      case 'CallExpression':
        return this.call(node, depth);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionDeclaration':
        return [{ kind: 'function', node }];
      default:
        return UNKNOWN_SET;
    }
  }

  private identifier(node: AstNode, depth: number): readonly Value[] {
    const binding = this.engine.bindingOf(node);
    if (!binding) return UNKNOWN_SET;
    return this.binding(binding, depth);
  }

  /** Every value a binding can hold; unknown when any write is not constant. */
  binding(binding: Binding, depth: number): readonly Value[] {
    if (binding.unknownWrite) return UNKNOWN_SET;
    if (binding.kind === 'function' && binding.fn) return [{ kind: 'function', node: binding.fn }];
    if (binding.kind === 'import') return this.imported(binding, depth);
    if (binding.kind === 'param' || binding.kind === 'catch' || binding.kind === 'class') return UNKNOWN_SET;
    const sources: (readonly Value[])[] = [];
    if (binding.init) sources.push(this.path(this.at(binding.init, depth), binding.path, binding, depth));
    else if (binding.writes.length === 0 && binding.kind !== 'var') sources.push([primitive(null)]);
    for (const write of binding.writes) sources.push(this.at(write, depth));
    let values = union(...sources);
    if (values.length === 0) return UNKNOWN_SET;
    if (binding.memberWrites.length > 0 || binding.assigns.length > 0)
      values = this.withWrites(values, binding, depth);
    return values;
  }

  private path(
    values: readonly Value[],
    path: readonly PathStep[],
    binding: Binding,
    depth: number,
  ): readonly Value[] {
    let current = values;
    for (const step of path) {
      if (step === '...') return UNKNOWN_SET;
      current = union(...current.map((v) => this.read(v, String(step))));
    }
    if (
      binding.defaultValue &&
      current.some((v) => v.kind === 'unknown' || (v.kind === 'primitive' && v.value === null))
    )
      current = union(current, this.at(binding.defaultValue, depth));
    return current;
  }

  private withWrites(values: readonly Value[], binding: Binding, depth: number): Value[] {
    const file = binding.file.path;
    return values.map((value) => {
      if (value.kind !== 'object') return value;
      const props = new Map(value.props);
      for (const source of binding.assigns)
        for (const v of this.at(source, depth)) mergeObjects(props, v, false);
      for (const { member, value: written } of binding.memberWrites) {
        const object = unwrap(child(member, 'object') ?? member);
        if (object.type !== 'Identifier') continue;
        const key = this.keyOf(member, depth);
        if (key === undefined) continue;
        const existing = props.get(key);
        props.set(key, {
          values: union(existing?.values ?? [], this.at(written, depth)),
          origin: { file, node: child(member, 'property') ?? member },
        });
      }
      return { kind: 'object', props };
    });
  }

  /** The static or constant key of a member expression or property. */
  keyOf(node: AstNode, depth = 0): string | undefined {
    const key = staticKey(node);
    if (key !== undefined) return key;
    if (node.computed !== true) return undefined;
    const expression = child(node, 'key') ?? child(node, 'property');
    return expression ? onlyString(this.at(expression, depth)) : undefined;
  }

  private object(node: AstNode, depth: number): Value {
    const props = new Map<string, Prop>();
    const file = this.engine.fileOf(node)?.path ?? '';
    for (const prop of children(node, 'properties')) {
      if (prop.type === 'SpreadElement') {
        for (const v of this.at(child(prop, 'argument') ?? prop, depth)) mergeObjects(props, v, true);
        continue;
      }
      const key = this.keyOf(prop, depth);
      const value = child(prop, 'value');
      if (key === undefined || !value) continue;
      props.set(key, { values: this.at(value, depth), origin: { file, node: child(prop, 'key') ?? prop } });
    }
    return { kind: 'object', props };
  }

  private array(node: AstNode, depth: number): Value {
    const items: (readonly Value[])[] = [];
    const elements = node.elements;
    if (!Array.isArray(elements)) return UNKNOWN;
    for (const element of elements.slice(0, 4096) as unknown[]) {
      const e = element as AstNode | null;
      if (!e) items.push([primitive(null)]);
      else if (e.type === 'SpreadElement') {
        const spread = this.at(child(e, 'argument') ?? e, depth);
        const first = spread[0];
        if (spread.length !== 1 || first?.kind !== 'array') return UNKNOWN;
        items.push(...first.items);
      } else items.push(this.at(e, depth));
    }
    return { kind: 'array', items };
  }

  /** A property of one value. */
  read(value: Value, key: string): readonly Value[] {
    if (value.kind === 'object') return value.props.get(key)?.values ?? UNKNOWN_SET;
    if (value.kind === 'array') {
      if (key === 'length') return [primitive(value.items.length)];
      return /^\d+$/.test(key) ? (value.items[Number(key)] ?? UNKNOWN_SET) : UNKNOWN_SET;
    }
    if (value.kind === 'primitive' && typeof value.value === 'string') {
      if (key === 'length') return [primitive(value.value.length)];
      if (/^\d+$/.test(key)) {
        const ch = value.value[Number(key)];
        return ch === undefined ? UNKNOWN_SET : [primitive(ch)];
      }
    }
    return UNKNOWN_SET;
  }

  private member(node: AstNode, depth: number): readonly Value[] {
    const key = this.keyOf(node, depth);
    const object = child(node, 'object');
    if (key === undefined || !object) return UNKNOWN_SET;
    return union(...this.at(object, depth).map((v) => this.read(v, key)));
  }

  private call(node: AstNode, depth: number): readonly Value[] {
    const callee = unwrap(child(node, 'callee') ?? node);
    const argNodes = children(node, 'arguments');
    const args = (): (readonly Value[])[] =>
      argNodes.flatMap((a) => {
        if (a.type !== 'SpreadElement') return [this.at(a, depth)];
        const spread = this.at(child(a, 'argument') ?? a, depth);
        const first = spread[0];
        return spread.length === 1 && first?.kind === 'array' ? first.items : [UNKNOWN_SET];
      });
    const source = requireSource(node);
    if (source !== undefined) {
      const from = this.engine.fileOf(node)?.path ?? '';
      const target = resolveSpecifier(from, source, (p) => this.engine.indexes.has(p));
      return target === undefined ? UNKNOWN_SET : [this.moduleValue(target, depth)];
    }
    if (callee.type === 'Identifier') {
      const name = str(callee, 'name') ?? '';
      if (this.engine.bindingOf(callee)) return UNKNOWN_SET;
      return callGlobal(name, args()) ?? UNKNOWN_SET;
    }
    if (callee.type !== 'MemberExpression') return UNKNOWN_SET;
    const method = staticKey(callee);
    const object = unwrap(child(callee, 'object') ?? callee);
    if (method === undefined) return UNKNOWN_SET;
    const global =
      object.type === 'Identifier' && !this.engine.bindingOf(object) ? str(object, 'name') : undefined;
    if (global === 'String' && (method === 'fromCharCode' || method === 'fromCodePoint'))
      return fromCharCodes(args(), method === 'fromCodePoint');
    if (global === 'Buffer' && method === 'from') {
      const [input, enc] = args();
      return bufferFrom(input ?? UNKNOWN_SET, enc);
    }
    if (global === 'JSON' && method === 'parse') {
      const text = onlyString(args()[0] ?? UNKNOWN_SET);
      if (text === undefined || text.length > 65536) return UNKNOWN_SET;
      try {
        return [fromJson(JSON.parse(text))];
      } catch {
        return UNKNOWN_SET;
      }
    }
    if (global === 'Object' && method === 'assign') {
      const [first, ...rest] = args();
      if (!first) return UNKNOWN_SET;
      return first.map((target) => {
        if (target.kind !== 'object') return target;
        const props = new Map(target.props);
        for (const set of rest) for (const v of set) mergeObjects(props, v, true);
        return { kind: 'object', props };
      });
    }
    if (global === 'Object' && method === 'freeze') return args()[0] ?? UNKNOWN_SET;
    return callMethod(this.at(object, depth), method, args());
  }

  private imported(binding: Binding, depth: number): readonly Value[] {
    const target = resolveSpecifier(binding.file.path, binding.importSource ?? '', (p) =>
      this.engine.indexes.has(p),
    );
    if (target === undefined) return UNKNOWN_SET;
    const name = binding.importName ?? 'default';
    if (name === '*') return [this.moduleValue(target, depth)];
    return this.exportValue(target, name, depth);
  }

  private exportsOf(path: string): ModuleExports | undefined {
    const cached = this.exportsMemo.get(path);
    if (cached) return cached;
    const index = this.engine.indexes.get(path);
    if (!index) return undefined;
    const exports = collectExports(index);
    this.exportsMemo.set(path, exports);
    return exports;
  }

  /** The values of one export of a package module. */
  exportValue(path: string, name: string, depth: number): readonly Value[] {
    if (depth > MAX_DEPTH) return UNKNOWN_SET;
    const exports = this.exportsOf(path);
    const index = this.engine.indexes.get(path);
    if (!exports || !index) return UNKNOWN_SET;
    const entry = exports.named.get(name);
    if (entry?.kind === 'node') return this.at(entry.node, depth + 1);
    if (entry?.kind === 'local') {
      const binding = index.moduleScope.bindings.get(entry.name);
      return binding ? this.binding(binding, depth + 1) : UNKNOWN_SET;
    }
    if (entry?.kind === 'reexport') {
      const target = resolveSpecifier(path, entry.source, (p) => this.engine.indexes.has(p));
      if (target === undefined) return UNKNOWN_SET;
      return entry.name === '*'
        ? [this.moduleValue(target, depth + 1)]
        : this.exportValue(target, entry.name, depth + 1);
    }
    const cjs = exports.cjs.at(-1);
    if (cjs) {
      const values = this.at(cjs, depth + 1);
      return name === 'default' ? values : union(...values.map((v) => this.read(v, name)));
    }
    for (const star of exports.stars) {
      const target = resolveSpecifier(path, star, (p) => this.engine.indexes.has(p));
      if (target === undefined) continue;
      const values = this.exportValue(target, name, depth + 1);
      if (!values.every((v) => v.kind === 'unknown')) return values;
    }
    return UNKNOWN_SET;
  }

  /** A module as one object: its named exports, or what `module.exports` was set to. */
  moduleValue(path: string, depth: number): Value {
    const cached = this.moduleMemo.get(path);
    if (cached) return cached;
    this.moduleMemo.set(path, UNKNOWN);
    const exports = this.exportsOf(path);
    let value: Value = UNKNOWN;
    if (exports) {
      const cjs = exports.cjs.at(-1);
      const props = new Map<string, Prop>();
      if (cjs) for (const v of this.at(cjs, depth + 1)) mergeObjects(props, v, true);
      for (const name of exports.named.keys())
        props.set(name, { values: this.exportValue(path, name, depth + 1), origin: undefined });
      value = cjs && props.size === 0 ? (this.at(cjs, depth + 1)[0] ?? UNKNOWN) : { kind: 'object', props };
    }
    this.moduleMemo.set(path, value);
    return value;
  }

  /** The function a callee refers to, when it is defined in the package. */
  functionOf(node: AstNode): AstNode | undefined {
    const target = unwrap(node);
    if (isFunction(target)) return target;
    const values = this.resolve(target);
    const fn = values.find((v) => v.kind === 'function');
    return fn?.kind === 'function' ? fn.node : undefined;
  }
}
