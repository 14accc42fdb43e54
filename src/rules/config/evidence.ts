import { describeSecret, findSecrets, type FindSecretsOptions } from '../../analyze/secrets/index.js';
import { urlCredentials } from './url-credentials.js';

interface Span {
  start: number;
  end: number;
  text: string;
}

const MAX_EVIDENCE = 240;

/**
 * `text` safe to print: every secret `findSecrets` sees becomes its description, every URL
 * credential and every extra span the caller marks becomes `****`; long text is shortened.
 */
export function maskedEvidence(
  text: string,
  extra: readonly { start: number; end: number }[] = [],
  options: FindSecretsOptions = {},
): string {
  const spans: Span[] = [
    ...findSecrets(text, options).map((m) => ({ start: m.start, end: m.end, text: describeSecret(m, text) })),
    ...[...urlCredentials(text), ...extra].map((s) => ({ start: s.start, end: s.end, text: '****' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { start: last.start, end: span.end, text: '****' };
    } else merged.push(span);
  }
  let out = text;
  for (const span of merged.reverse()) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out.length > MAX_EVIDENCE ? `${out.slice(0, MAX_EVIDENCE - 1)}…` : out;
}
