import {
  calleeMatches,
  child,
  children,
  unwrap,
  type AstNode,
  type CallSite,
  type CodeModel,
  type Value,
} from '../../../analyze/code/index.js';

/** A path part nothing constant is known about. */
export const ANY = '\u0000';
const MAX_PATHS = 32;
const MAX_DEPTH = 12;

function str(node: AstNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** Environment variables that name the home folder or a folder under it. */
const HOME_VARS: Readonly<Record<string, string>> = {
  HOME: '~',
  USERPROFILE: '~',
  APPDATA: '~/AppData/Roaming',
  LOCALAPPDATA: '~/AppData/Local',
  XDG_CONFIG_HOME: '~/.config',
};

const JOIN_CALLS = ['path.join', 'path.resolve', 'path.posix.join', 'path.win32.join', 'upath.join'];
const HOME_CALLS = ['os.homedir', 'os.userInfo().homedir'];

function strings(values: readonly Value[]): string[] {
  return values.map((v) =>
    v.kind === 'primitive' && (typeof v.value === 'string' || typeof v.value === 'number')
      ? String(v.value)
      : ANY,
  );
}

function cross(parts: readonly (readonly string[])[], join: (items: string[]) => string): string[] {
  let acc: string[][] = [[]];
  for (const part of parts) {
    const next: string[][] = [];
    for (const prefix of acc) for (const item of part) next.push([...prefix, item]);
    if (next.length > MAX_PATHS) return [ANY];
    acc = next;
  }
  return acc.map(join);
}

function envName(model: CodeModel, node: AstNode): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const object = unwrap(child(node, 'object') ?? node);
  const isEnv =
    object.type === 'MemberExpression' &&
    str(unwrap(child(object, 'object') ?? object), 'name') === 'process' &&
    str(child(object, 'property') ?? object, 'name') === 'env';
  if (!isEnv) return undefined;
  const property = child(node, 'property');
  if (!property) return undefined;
  if (node.computed !== true) return str(property, 'name');
  const [name] = strings(model.resolve(property));
  return name === ANY ? undefined : name;
}

/** The array a `for (const x of …)` variable iterates, when it is one. */
function loopSource(model: CodeModel, id: AstNode): AstNode | undefined {
  const declarator = model.parentOf(id);
  const declaration = declarator && model.parentOf(declarator);
  const loop = declaration && model.parentOf(declaration);
  if (loop?.type !== 'ForOfStatement' || child(loop, 'left') !== declaration) return undefined;
  return child(loop, 'right');
}

/** The element nodes of an array literal, directly or through a constant binding. */
function arrayElements(model: CodeModel, raw: AstNode): AstNode[] | undefined {
  const node = unwrap(raw);
  if (node.type === 'ArrayExpression') {
    const elements = children(node, 'elements');
    return elements.some((e) => e.type === 'SpreadElement') ? undefined : elements;
  }
  if (node.type !== 'Identifier') return undefined;
  const binding = model.bindingOf(node);
  if (!binding?.init || binding.writes.length > 0 || binding.path.length > 0 || binding.kind === 'import')
    return undefined;
  return unwrap(binding.init).type === 'ArrayExpression' ? arrayElements(model, binding.init) : undefined;
}

/**
 * The paths an expression may name, as text: `os.homedir()`, `$HOME` and `%USERPROFILE%` become `~`,
 * `path.join`/`resolve`, templates and concatenation are followed, constants resolved across files;
 * anything unknown becomes {@link ANY}.
 */
export function pathTexts(model: CodeModel, raw: AstNode, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [ANY];
  const node = unwrap(raw);
  const home = envName(model, node);
  if (home !== undefined) return [HOME_VARS[home] ?? ANY];
  switch (node.type) {
    case 'CallExpression': {
      const call = model.calls.find((c) => c.node === node);
      if (!call) break;
      if (HOME_CALLS.some((n) => calleeMatches(call.callee, n)) || call.callee === 'homedir') return ['~'];
      if (JOIN_CALLS.some((n) => calleeMatches(call.callee, n)) || call.callee === 'join')
        return cross(
          call.args.map((a) => pathTexts(model, a, depth + 1)),
          (items) => items.join('/'),
        );
      break;
    }
    case 'TemplateLiteral': {
      const parts: string[][] = [];
      const expressions = children(node, 'expressions');
      children(node, 'quasis').forEach((q, i) => {
        const cooked = (q.value as { cooked?: unknown } | undefined)?.cooked;
        parts.push([typeof cooked === 'string' ? cooked : ANY]);
        const expression = expressions[i];
        if (expression) parts.push(pathTexts(model, expression, depth + 1));
      });
      return cross(parts, (items) => items.join(''));
    }
    case 'BinaryExpression':
      if (str(node, 'operator') === '+')
        return cross(
          [
            pathTexts(model, child(node, 'left') ?? node, depth + 1),
            pathTexts(model, child(node, 'right') ?? node, depth + 1),
          ],
          (items) => items.join(''),
        );
      break;
    case 'LogicalExpression':
    case 'ConditionalExpression': {
      const sides = node.type === 'LogicalExpression' ? ['left', 'right'] : ['consequent', 'alternate'];
      return sides.flatMap((k) => pathTexts(model, child(node, k) ?? node, depth + 1)).slice(0, MAX_PATHS);
    }
    case 'Identifier': {
      const binding = model.bindingOf(node);
      if (!binding) break;
      const loop = loopSource(model, binding.id);
      if (loop) {
        const elements = arrayElements(model, loop);
        if (elements) return elements.flatMap((e) => pathTexts(model, e, depth + 1)).slice(0, MAX_PATHS);
        const items = model
          .resolve(loop)
          .flatMap((v) => (v.kind === 'array' ? v.items.flatMap((item) => strings(item)) : [ANY]));
        return items.length > 0 ? items.slice(0, MAX_PATHS) : [ANY];
      }
      if (binding.kind === 'import' || binding.writes.length > 0 || !binding.init) break;
      if (binding.path.length > 0) break;
      return pathTexts(model, binding.init, depth + 1);
    }
    default:
      break;
  }
  const values = model.resolve(node);
  return values.length > 0 ? strings(values).slice(0, MAX_PATHS) : [ANY];
}

/** A path text with separators unified and the unknown marker shown as `*`. */
export function showPath(path: string): string {
  return path
    .split(ANY)
    .join('*')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
}

/** File-system calls that read a file or list a folder; the path is the first argument. */
export const READ_CALLS = [
  'readFile',
  'readFileSync',
  'createReadStream',
  'readdir',
  'readdirSync',
  'readJson',
  'readJSON',
  'readJsonSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'file',
];

/** File-system calls that write; the path is the first argument, or the second for copies and renames. */
const WRITE_FIRST = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'writeJson',
  'writeJSON',
  'writeJsonSync',
  'writeJSONSync',
  'outputFile',
  'outputFileSync',
  'outputJson',
  'outputJSON',
  'outputJsonSync',
  'write',
];
const WRITE_SECOND = ['copyFile', 'copyFileSync', 'rename', 'renameSync', 'cp', 'cpSync', 'move', 'moveSync'];

function isFsCallee(callee: string): boolean {
  return /^(?:fs|fs\/promises|fs-extra|graceful-fs|node:fs)(?:\.|$)|^(?:fs|fsp|fse|promises)\./.test(callee);
}

function bare(callee: string): boolean {
  return !callee.includes('.');
}

/** Whether a call site is a file-system call named `name` (`fs.x`, `fs/promises.x`, a bare import of it). */
export function isFsCall(call: CallSite, names: readonly string[]): boolean {
  return names.some(
    (n) =>
      calleeMatches(call.callee, n) &&
      (isFsCallee(call.callee) || bare(call.callee) || calleeMatches(call.callee, `promises.${n}`)),
  );
}

/** The path argument of a file write, or undefined when the call is not one. */
export function writtenPath(call: CallSite): AstNode | undefined {
  if (isFsCall(call, WRITE_SECOND)) return call.args[1];
  if (isFsCall(call, WRITE_FIRST)) {
    if (calleeMatches(call.callee, 'write') && !isFsCallee(call.callee)) return undefined;
    return call.args[0];
  }
  return undefined;
}

/** The path argument of a file read, or undefined when the call is not one. */
export function readPath(call: CallSite): AstNode | undefined {
  if (calleeMatches(call.callee, 'file') && !call.callee.startsWith('Bun.')) return undefined;
  return isFsCall(call, READ_CALLS) ? call.args[0] : undefined;
}

const SHELL_CALLS = ['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync'];

/** Whether a call runs a local process: `child_process`, execa, shelljs, or a bare or promisified exec. */
export function isLocalExec(call: CallSite): boolean {
  const callee = call.callee;
  if (/^child_process\.|^execa(?:\.|$)|^execa\w*$|^shelljs\.exec$|promisify\(\)$/.test(callee)) return true;
  if (/^(?:execAsync|execPromise|execP|run|sh)$/.test(callee)) return true;
  return bare(callee) && SHELL_CALLS.includes(callee);
}

/** The command text of a local process call: command and arguments joined, unknown parts as `*`. */
export function commandTexts(model: CodeModel, call: CallSite): string[] {
  const parts = call.args.slice(0, 2).map((raw) => {
    const arg = unwrap(raw);
    if (arg.type === 'ArrayExpression')
      return cross(
        children(arg, 'elements').map((e) => pathTexts(model, e).map(showPath)),
        (items) => items.join(' '),
      );
    const array = model.resolve(arg).find((v) => v.kind === 'array');
    if (array?.kind === 'array')
      return [array.items.map((item) => showPath(strings(item)[0] ?? ANY)).join(' ')];
    return pathTexts(model, arg).map(showPath);
  });
  return cross(parts, (items) => items.join(' '));
}
