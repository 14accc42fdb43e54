import {
  calleeMatches,
  child,
  isNode,
  staticKey,
  unwrap,
  type AstNode,
  type CodeModel,
} from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import { carriesData, describeKind, hostKind, networkSinks, type NetworkSink } from './signals/network.js';
import { isLocalExec, writtenPath } from './signals/paths.js';
import { reaches } from './signals/reach.js';

/** Names of secrets a harvester filters the environment for. */
const SECRET_NAMES =
  /KEY|TOKEN|SECRET|PASS(?:WORD|WD)?|CREDENTIAL|AUTH|ANTHROPIC|OPENAI|CLAUDE|DEEPSEEK|GEMINI|GROQ|MISTRAL|AWS_|GITHUB|NPM_/i;
const ENUMERATE = ['Object.entries', 'Object.keys', 'Object.values', 'Object.getOwnPropertyNames'];

function str(node: AstNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** `process.env` used as a whole, not one of its variables. */
function isWholeEnv(model: CodeModel, node: AstNode): boolean {
  if (node.type !== 'MemberExpression' || staticKey(node) !== 'env') return false;
  const object = unwrap(child(node, 'object') ?? node);
  if (object.type !== 'Identifier' || str(object, 'name') !== 'process') return false;
  const parent = model.parentOf(node);
  return !(parent?.type === 'MemberExpression' && child(parent, 'object') === node);
}

const MAX_NODES = 2_000_000;

/** Every whole-`process.env` expression under a node, in source order. */
function wholeEnvUses(model: CodeModel, root: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const stack: AstNode[] = [root];
  let budget = MAX_NODES;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (!node) break;
    if (isWholeEnv(model, node)) out.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as AstNode);
      } else if (isNode(value)) stack.push(value);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Harvest {
  /** The expression that serialises or enumerates the environment. */
  node: AstNode;
  how: string;
  /** Reported only when the harvest sits inside the outgoing call (`{ env: process.env }` is usually child-process options). */
  directOnly?: boolean;
}

const CHAIN: ReadonlySet<string> = new Set([
  'MemberExpression',
  'CallExpression',
  'ChainExpression',
  'AwaitExpression',
  'ParenthesizedExpression',
]);

/** The text of the expression chain an enumeration starts (`Object.keys(…).filter(…)`), or of its loop. */
function filterText(model: CodeModel, start: AstNode): string {
  const file = model.fileOf(start);
  if (!file) return '';
  let node = start;
  for (let parent = model.parentOf(node); parent && CHAIN.has(parent.type); parent = model.parentOf(node))
    node = parent;
  const parent = model.parentOf(node);
  const scope = parent?.type === 'ForOfStatement' || parent?.type === 'ForInStatement' ? parent : node;
  return file.source.slice(scope.start, scope.end);
}

const LITERALS = /(['"`])((?:\\.|(?!\1)[^\\])*)\1|\/((?:\\.|[^/\n*])(?:\\.|[^/\n])*)\/[a-z]*/g;

/** Whether string or regular-expression literals in a text name secrets. */
function namesSecrets(text: string): boolean {
  for (const match of text.matchAll(LITERALS)) if (SECRET_NAMES.test(match[2] ?? match[3] ?? '')) return true;
  return false;
}

/** What a whole-environment use does with it, when that is harvesting. */
function harvestOf(model: CodeModel, env: AstNode): Harvest | undefined {
  let node = env;
  let parent = model.parentOf(node);
  while (parent && (parent.type === 'ParenthesizedExpression' || parent.type === 'TSAsExpression')) {
    node = parent;
    parent = model.parentOf(node);
  }
  if (!parent) return undefined;
  if (parent.type === 'ForInStatement' && child(parent, 'right') === node)
    return namesSecrets(filterText(model, parent))
      ? { node: parent, how: 'enumerates every environment variable for secret names' }
      : undefined;
  if (parent.type !== 'CallExpression') {
    if (parent.type === 'Property' && child(parent, 'value') === node)
      return {
        node: parent,
        how: 'puts the whole environment into an object',
        directOnly: staticKey(parent) === 'env',
      };
    return undefined;
  }
  const call = model.calls.find((c) => c.node === parent);
  if (!call || call.args[0] !== node) return undefined;
  if (calleeMatches(call.callee, 'JSON.stringify'))
    return { node: parent, how: 'serialises the whole environment' };
  if (ENUMERATE.some((n) => call.callee === n) && namesSecrets(filterText(model, parent)))
    return { node: parent, how: 'collects environment variables whose names look like secrets' };
  return undefined;
}

interface Outlet {
  node: AstNode;
  what: string;
  critical: boolean;
  network: boolean;
}

function outlets(model: CodeModel): Outlet[] {
  const out: Outlet[] = networkSinks(model)
    .filter((sink: NetworkSink) => carriesData(model, sink))
    .map((sink) => {
      const host = sink.dynamic ? undefined : sink.hosts[0];
      const kind = host === undefined ? undefined : hostKind(host);
      return {
        node: sink.call.node,
        what:
          host === undefined
            ? `sends it in a request (${sink.call.callee})`
            : `sends it to ${host} (${describeKind(kind ?? 'other')})`,
        critical: kind !== undefined && kind !== 'analytics',
        network: true,
      };
    });
  for (const call of model.calls) {
    if (call.file.isTest) continue;
    if (writtenPath(call))
      out.push({
        node: call.node,
        what: `writes it to a file (${call.callee})`,
        critical: false,
        network: false,
      });
    else if (isLocalExec(call))
      out.push({
        node: call.node,
        what: `passes it to a command (${call.callee})`,
        critical: false,
        network: false,
      });
  }
  return out;
}

export const envHarvesting = defineRule<CodeRuleContext>({
  id: 'code/env-harvesting',
  meta: {
    title: 'Whole environment harvested and sent or written out',
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-526', 'CWE-200'],
    description:
      'Finds code that serialises the whole `process.env` (`JSON.stringify(process.env)`, the environment put ' +
      'into a payload object), or enumerates it (`Object.entries`/`Object.keys`/`for…in`) filtering names for ' +
      'secrets (`KEY`, `TOKEN`, `SECRET`, `PASS`, `ANTHROPIC`, `OPENAI`, `CLAUDE`…), when the same function — ' +
      'or a function of the same file that calls it — sends a request with a run-time payload, writes a file ' +
      'or runs a command. Critical when the request goes to a fixed host. Passing the environment to a child ' +
      'process (`spawn(cmd, args, { env: { ...process.env } })`), reading named variables and loading `.env` ' +
      'files are not reported.',
    remediation:
      'Read only the variables the server needs, by name. If the package is not yours, remove it and rotate ' +
      'every key that was in the environment of the client that ran it.',
    references: [
      'https://osv.dev/vulnerability/GHSA-w56m-5ch4-5xjw',
      'https://cwe.mitre.org/data/definitions/526.html',
    ],
  },
  check(context) {
    const { model } = context;
    const harvests: Harvest[] = [];
    const seen = new Set<AstNode>();
    for (const file of model.files) {
      if (file.isTest || !file.source.includes('process')) continue;
      for (const env of wholeEnvUses(model, file.program)) {
        const harvest = harvestOf(model, env);
        if (harvest && !seen.has(harvest.node)) {
          seen.add(harvest.node);
          harvests.push(harvest);
        }
      }
    }
    if (harvests.length === 0) return [];
    const sinks = outlets(model);
    const hits: RuleHit[] = [];
    for (const harvest of harvests) {
      const reached = sinks.filter((s) =>
        harvest.directOnly === true
          ? s.network && s.node.start <= harvest.node.start && harvest.node.end <= s.node.end
          : reaches(model, harvest.node, s.node),
      );
      const outlet = reached.find((s) => s.critical) ?? reached[0];
      if (!outlet) continue;
      hits.push(
        nodeHit(
          context,
          harvest.node,
          `Code ${harvest.how} and ${outlet.what}: API keys and tokens of the AI client that ` +
            `started this server leave with it.`,
          outlet.critical ? { severity: 'critical' } : {},
        ),
      );
    }
    return hits;
  },
});
