import {
  child,
  children,
  staticKey,
  unwrap,
  type AstNode,
  type CodeModel,
  type Origin,
  type Value,
} from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';

/** Recipient fields of mail APIs (lower case): copies and primary recipients. */
const COPY_KEYS: ReadonlySet<string> = new Set([
  'bcc',
  'cc',
  'bccaddress',
  'bccaddresses',
  'ccaddress',
  'ccaddresses',
]);
const TO_KEYS: ReadonlySet<string> = new Set(['to', 'recipients', 'recipient', 'toaddress', 'toaddresses']);
/** Containers whose fields are recipients: SES `Destination`, SMTP `envelope`, SendGrid `personalizations`. */
const NESTED_KEYS: ReadonlySet<string> = new Set(['destination', 'envelope', 'personalizations']);
/** Fields that make an object a mail payload. */
const MAIL_KEYS: ReadonlySet<string> = new Set([
  'subject',
  'text',
  'html',
  'body',
  'textbody',
  'htmlbody',
  'from',
  'templateid',
  'templatealias',
  'templatemodel',
  'messagestream',
  'personalizations',
  'destination',
  'replyto',
  'content',
]);
/** Mail-sending calls whose first argument is the payload. */
const MAIL_CALLS = [
  'sendMail',
  'sendEmail',
  'sendEmailWithTemplate',
  'sendEmailBatch',
  'sendEmailBatchWithTemplates',
  'emails.send',
  'messages.create',
  'SendEmailCommand',
  'SendRawEmailCommand',
  '@sendgrid/mail.send',
];
const HTTP_CALLS = ['fetch', 'axios', 'axios.post', 'axios.put', 'got.post', 'ky.post', 'request'];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

function emailsIn(values: readonly Value[], depth = 0): string[] {
  if (depth > 3) return [];
  return values.flatMap((v): string[] => {
    if (v.kind === 'primitive' && typeof v.value === 'string') {
      const match = EMAIL.exec(v.value);
      return match ? [match[0]] : [];
    }
    if (v.kind === 'array') return v.items.flatMap((item) => emailsIn(item, depth + 1));
    if (v.kind === 'object') {
      const email = v.props.get('email') ?? v.props.get('Email') ?? v.props.get('address');
      return email ? emailsIn(email.values, depth + 1) : [];
    }
    return [];
  });
}

interface Candidate {
  key: string;
  origin: Origin;
  emails: string[];
  copy: boolean;
}

function recipients(value: Value, depth: number, out: Candidate[]): void {
  if (depth > 3) return;
  if (value.kind === 'array') {
    for (const item of value.items) for (const v of item) recipients(v, depth + 1, out);
    return;
  }
  if (value.kind !== 'object') return;
  for (const [key, prop] of value.props) {
    const lower = key.toLowerCase();
    if (NESTED_KEYS.has(lower)) for (const v of prop.values) recipients(v, depth + 1, out);
    const copy = COPY_KEYS.has(lower);
    if (!copy && !TO_KEYS.has(lower)) continue;
    const emails = emailsIn(prop.values);
    if (emails.length > 0 && prop.origin) out.push({ key, origin: prop.origin, emails, copy });
  }
}

function isMailPayload(value: Value): boolean {
  return value.kind === 'object' && [...value.props.keys()].some((k) => MAIL_KEYS.has(k.toLowerCase()));
}

/** The expression whose value is an object literal's final value: its const binding, if it has one. */
function bindingTarget(model: CodeModel, node: AstNode): AstNode {
  const parent = model.parentOf(node);
  const id = parent?.type === 'VariableDeclarator' ? child(parent, 'id') : undefined;
  return id?.type === 'Identifier' ? id : node;
}

/** The payload of an HTTP call: axios data, or the JSON body of fetch. */
function httpPayload(model: CodeModel, args: readonly AstNode[], callee: string): AstNode | undefined {
  if (callee.endsWith('.post') || callee.endsWith('.put')) return args[1];
  const init = args[1] ?? args[0];
  if (!init) return undefined;
  const object = model.resolve(init).find((v) => v.kind === 'object');
  const bodyNode =
    unwrap(init).type === 'ObjectExpression'
      ? children(unwrap(init), 'properties').find((p) =>
          ['body', 'data', 'json'].includes(staticKey(p) ?? ''),
        )
      : undefined;
  const value = bodyNode ? child(bodyNode, 'value') : undefined;
  if (value) {
    const inner = unwrap(value);
    if (inner.type === 'CallExpression' && model.callsTo('JSON.stringify').some((c) => c.node === inner))
      return children(inner, 'arguments')[0];
    return value;
  }
  return object ? init : undefined;
}

export const hardcodedRecipient = defineRule<CodeRuleContext>({
  id: 'code/hardcoded-recipient',
  meta: {
    title: 'Mail sent to a hard-coded recipient the caller did not choose',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-200', 'CWE-359'],
    description:
      'Finds a fixed email address set as a recipient (`Bcc`, `Cc`, `To`, SES `BccAddresses`, SMTP `envelope.to`, ' +
      'SendGrid `personalizations[].bcc`…) of a mail payload in a package that registers MCP tools, when the ' +
      'address is a literal or a constant built from literals (concatenated, decoded, imported from another file) ' +
      'rather than something the tool caller supplied. A hidden copy recipient is how the postmark-mcp backdoor ' +
      'copied every email its users sent to the attacker. A fixed primary recipient inside a tool handler is ' +
      'reported at high severity.',
    remediation:
      'Remove the fixed recipient, or take it from the tool arguments or from configuration the user controls ' +
      '(an environment variable). When a fixed copy is intended (a compliance archive), make it configurable ' +
      'and document it, and record an allowlist entry for this finding.',
    references: [
      'https://osv.dev/vulnerability/MAL-2025-47604',
      'https://www.koi.ai/blog/postmark-mcp-npm-malicious-backdoor-email-theft',
      'https://cwe.mitre.org/data/definitions/359.html',
    ],
  },
  check(context) {
    const { model } = context;
    if (model.tools.length === 0) return [];
    const payloads: AstNode[] = [];
    for (const call of model.callsTo(...MAIL_CALLS)) {
      const [first] = call.args;
      if (first && !call.file.isTest) payloads.push(first);
    }
    for (const call of model.callsTo(...HTTP_CALLS)) {
      if (call.file.isTest) continue;
      const payload = httpPayload(model, call.args, call.callee);
      if (payload) payloads.push(payload);
    }
    for (const { file, node } of model.objects) {
      if (file.isTest) continue;
      const keys = children(node, 'properties').map((p) => (staticKey(p) ?? '').toLowerCase());
      if (keys.some((k) => MAIL_KEYS.has(k))) payloads.push(bindingTarget(model, node));
    }
    const hits: RuleHit[] = [];
    const seen = new Set<AstNode>();
    for (const payload of payloads) {
      const candidates: Candidate[] = [];
      for (const value of model.resolve(payload))
        if (isMailPayload(value) || payload.type !== 'ObjectExpression') recipients(value, 0, candidates);
      for (const candidate of candidates) {
        const keyNode = candidate.origin.node;
        if (seen.has(keyNode)) continue;
        const file = model.fileOf(keyNode);
        if (!file || file.isTest) continue;
        const tool = model.toolFor(keyNode) ?? model.toolFor(payload);
        if (!candidate.copy && !tool) continue;
        seen.add(keyNode);
        const where = tool?.name !== undefined ? ` by tool "${tool.name}"` : '';
        const address = candidate.emails[0] ?? '';
        const parent = model.parentOf(keyNode);
        hits.push(
          nodeHit(
            context,
            keyNode,
            candidate.copy
              ? `Mail payload sets ${candidate.key} to the fixed address ${address}, which no tool argument supplies: every message sent${where} is silently copied to it.`
              : `Mail payload sends to the fixed address ${address}${where}, whatever recipient the caller asked for.`,
            {
              evidence:
                parent?.type === 'Property' || parent?.type === 'MemberExpression'
                  ? model.parentOf(parent)?.type === 'AssignmentExpression'
                    ? (model.parentOf(parent) ?? parent)
                    : parent
                  : keyNode,
              ...(candidate.copy ? {} : { severity: 'high' as const }),
            },
          ),
        );
      }
    }
    return hits;
  },
});
