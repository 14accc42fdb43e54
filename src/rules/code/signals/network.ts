import {
  calleeMatches,
  child,
  children,
  staticKey,
  stringsOf,
  unwrap,
  type AstNode,
  type CallSite,
  type CodeModel,
  type Value,
} from '../../../analyze/code/index.js';

/** What kind of place a fixed destination is. */
export type HostKind = 'raw-ip' | 'file-drop' | 'webhook' | 'chat-bot' | 'tunnel' | 'analytics' | 'other';

/** One outbound request and what is known of where it goes. */
export interface NetworkSink {
  readonly call: CallSite;
  /** Fixed hosts the request may go to (lower case); empty when the destination is not constant. */
  readonly hosts: readonly string[];
  /** A constant URL or host, for messages. */
  readonly destination: string | undefined;
  /** Whether any part of the destination is not constant (chosen at run time). */
  readonly dynamic: boolean;
  /** The nodes that carry data out: body, form, query built at run time, socket writes. */
  readonly payload: readonly AstNode[];
}

const URL_FIRST = [
  'fetch',
  'node-fetch',
  'undici.fetch',
  'undici.request',
  'axios',
  'axios.get',
  'axios.post',
  'axios.put',
  'axios.patch',
  'axios.request',
  'got',
  'got.get',
  'got.post',
  'got.put',
  'ky',
  'ky.post',
  'ky.put',
  'needle',
  'needle.post',
  'superagent.post',
  'request',
  'request.post',
  'http.request',
  'https.request',
  'http.get',
  'https.get',
  'navigator.sendBeacon',
];
const BODY_SECOND = ['axios.post', 'axios.put', 'axios.patch', 'needle.post', 'navigator.sendBeacon'];

const FILE_DROP =
  /(?:^|\.)(?:catbox\.moe|transfer\.sh|file\.io|0x0\.st|pastebin\.com|paste\.ee|hastebin\.com|termbin\.com|gofile\.io|anonfiles\.com|bashupload\.com|temp\.sh|oshi\.at|pixeldrain\.com|ufile\.io|filebin\.net|dpaste\.(?:com|org)|ghostbin\.\w+|rentry\.co|sendspace\.com|tmpfiles\.org|uguu\.se)$/;
const WEBHOOK =
  /(?:^|\.)(?:webhook\.site|pipedream\.net|requestbin\.\w+|beeceptor\.com|requestcatcher\.com|hookbin\.com|interact\.sh|oast\.\w+|burpcollaborator\.net|canarytokens\.com|workers\.dev|hooks\.slack\.com|discord(?:app)?\.com)$/;
const CHAT_BOT = /(?:^|\.)api\.telegram\.org$/;
const TUNNEL =
  /(?:^|\.)(?:ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|loca\.lt|serveo\.net|localhost\.run)$/;
const ANALYTICS =
  /(?:^|\.)(?:posthog\.com|segment\.(?:io|com)|sentry\.io|mixpanel\.com|amplitude\.com|datadoghq\.(?:com|eu)|google-analytics\.com|honeycomb\.io|logflare\.app)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Classifies a fixed host. */
export function hostKind(host: string, path = ''): HostKind {
  if (IPV4.test(host) || host.startsWith('[')) return 'raw-ip';
  if (FILE_DROP.test(host)) return 'file-drop';
  if (/(?:^|\.)discord(?:app)?\.com$/.test(host)) return /\/api\/webhooks\//.test(path) ? 'webhook' : 'other';
  if (WEBHOOK.test(host)) return 'webhook';
  if (CHAT_BOT.test(host)) return 'chat-bot';
  if (TUNNEL.test(host)) return 'tunnel';
  if (ANALYTICS.test(host)) return 'analytics';
  return 'other';
}

/** Kinds that are a drop point rather than a service a tool would be about. */
export function isDropKind(kind: HostKind): boolean {
  return (
    kind === 'raw-ip' ||
    kind === 'file-drop' ||
    kind === 'webhook' ||
    kind === 'chat-bot' ||
    kind === 'tunnel'
  );
}

const DESCRIPTIONS: Readonly<Record<HostKind, string>> = {
  'raw-ip': 'a raw IP address',
  'file-drop': 'a paste / file-drop host',
  webhook: 'a webhook collector',
  'chat-bot': 'a chat bot API',
  tunnel: 'a tunnel endpoint',
  analytics: 'an analytics service',
  other: 'a fixed host',
};

export function describeKind(kind: HostKind): string {
  return DESCRIPTIONS[kind];
}

/** The host of a URL or host text, lower case, when it is constant. */
export function hostOf(text: string): string | undefined {
  const match = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(text.trim());
  if (match?.[1]) return match[1].toLowerCase();
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(text.trim())) return text.trim().toLowerCase();
  return undefined;
}

export function pathOfUrl(text: string): string {
  return /^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(text)?.[1] ?? '';
}

function objectProp(node: AstNode, names: readonly string[]): AstNode | undefined {
  const object = unwrap(node);
  if (object.type !== 'ObjectExpression') return undefined;
  const prop = children(object, 'properties').find((p) => names.includes(staticKey(p) ?? ''));
  return prop ? child(prop, 'value') : undefined;
}

function urlStrings(model: CodeModel, node: AstNode): { urls: string[]; dynamic: boolean } {
  const values: readonly Value[] = model.resolve(node);
  const urls = stringsOf(values);
  for (const object of values) {
    if (object.kind !== 'object') continue;
    for (const key of ['url', 'baseURL', 'prefixUrl', 'hostname', 'host', 'href'])
      urls.push(...stringsOf(object.props.get(key)?.values ?? []));
  }
  return { urls, dynamic: urls.length === 0 || values.some((v) => v.kind === 'unknown') };
}

/** `new URL(path, base)`, `axios.create({ baseURL })` instances and the like are resolved by the engine. */
function destinationNode(call: CallSite): AstNode | undefined {
  return call.args[0];
}

function payloadOf(model: CodeModel, call: CallSite): AstNode[] {
  const out: AstNode[] = [];
  if (BODY_SECOND.some((n) => calleeMatches(call.callee, n))) {
    const body = call.args[1];
    if (body) out.push(body);
  }
  for (const arg of call.args.slice(0, 3)) {
    const value = objectProp(arg, [
      'body',
      'data',
      'json',
      'form',
      'formData',
      'searchParams',
      'params',
      'query',
    ]);
    if (value) out.push(value);
  }
  const first = call.args[0];
  if (
    first &&
    unwrap(first).type !== 'Literal' &&
    !model.resolve(first).every((v) => v.kind === 'primitive')
  ) {
    const url = unwrap(first);
    if (url.type === 'TemplateLiteral' || url.type === 'BinaryExpression') out.push(url);
  }
  return out;
}

/** Every outbound HTTP request in the package's non-test code, with its fixed hosts and payload. */
export function networkSinks(model: CodeModel): NetworkSink[] {
  const sinks: NetworkSink[] = [];
  for (const call of model.calls) {
    if (call.file.isTest || call.isNew) continue;
    if (
      !URL_FIRST.some((n) => calleeMatches(call.callee, n)) &&
      !/^(?:axios|got|ky)\.create\(\)\.(?:post|put|patch|get|request)$/.test(call.callee)
    )
      continue;
    const target = destinationNode(call);
    if (!target) continue;
    const { urls, dynamic } = urlStrings(model, target);
    const hosts = [...new Set(urls.flatMap((u) => hostOf(u) ?? []))];
    sinks.push({
      call,
      hosts,
      destination: urls[0],
      dynamic: dynamic || hosts.length === 0,
      payload: payloadOf(model, call),
    });
  }
  return sinks;
}

/** Whether a sink sends data that is not a constant (a body built at run time, a templated URL). */
export function carriesData(model: CodeModel, sink: NetworkSink): boolean {
  return sink.payload.some((node) => !isConstant(model.resolve(node), 0));
}

function isConstant(values: readonly Value[], depth: number): boolean {
  if (depth > 4 || values.length === 0) return false;
  return values.every((v) => {
    if (v.kind === 'primitive' || v.kind === 'bytes' || v.kind === 'function') return true;
    if (v.kind === 'array') return v.items.every((item) => isConstant(item, depth + 1));
    if (v.kind === 'object') return [...v.props.values()].every((p) => isConstant(p.values, depth + 1));
    return false;
  });
}

/** Whether a host is, or is under, one of the given domains. */
export function hostUnder(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
