import { fail, ok, type Result } from '../../model/result.js';
import type { Logger } from '../../model/logger.js';
import { formatBytes } from './limits.js';
import { safeUrl, type RegistryToken } from './npmrc.js';

export interface GetOptions {
  fetch: typeof fetch;
  logger: Logger;
  accept: string;
  token?: RegistryToken | undefined;
  timeoutMs: number;
  maxBytes: number;
  /** What is fetched, for messages: `packument of x`, `tarball of x@1.0.0`. */
  what: string;
}

const RETRY_DELAY_MS = 250;
const MAX_REDIRECTS = 5;

/**
 * GET `url` into memory: at most `maxBytes`, within `timeoutMs`, retried once on a 5xx
 * or a network error. 404 → `not-found`, 401/403 → `registry-denied`, other failures →
 * `registry-unreachable`, too big → `too-large`.
 */
export async function getBounded(url: string, options: GetOptions): Promise<Result<Buffer>> {
  const shown = safeUrl(url);
  let last: Result<Buffer> = fail(
    'registry-unreachable',
    `Could not fetch the ${options.what} from ${shown}.`,
  );
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) {
      options.logger.debug(`retrying ${shown}`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
    const { result, retry } = await getOnce(url, shown, options);
    if (!retry) return result;
    last = result;
  }
  return last;
}

async function getOnce(
  url: string,
  shown: string,
  options: GetOptions,
): Promise<{ result: Result<Buffer>; retry: boolean }> {
  let response: Response;
  try {
    response = await fetchFollowing(url, options);
  } catch (error) {
    const why = isTimeout(error) ? `no answer within ${options.timeoutMs / 1000} s` : networkReason(error);
    return {
      result: fail(
        'registry-unreachable',
        `Could not reach ${shown} for the ${options.what}: ${why}. Check the network and the registry setting (npm config get registry), or use --offline with a cached package.`,
      ),
      retry: true,
    };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status === 404) {
      return {
        result: fail(
          'not-found',
          `The ${options.what} is not on ${shown} (HTTP 404). Check the name and version.`,
        ),
        retry: false,
      };
    }
    if (status === 401 || status === 403) {
      return {
        result: fail(
          'registry-denied',
          `${shown} refused the ${options.what} (HTTP ${status}). Check the registry credentials in .npmrc.`,
        ),
        retry: false,
      };
    }
    return {
      result: fail(
        'registry-unreachable',
        `${shown} answered HTTP ${status} for the ${options.what}. Try again later.`,
      ),
      retry: status >= 500,
    };
  }
  return { result: await readBody(response, shown, options), retry: false };
}

/** Follows redirects by hand so that a token is sent only to the host it was configured for. */
async function fetchFollowing(url: string, options: GetOptions): Promise<Response> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const origin = new URL(url).host;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = { accept: options.accept, 'user-agent': 'mcp-warden' };
    if (options.token !== undefined && new URL(current).host === origin)
      headers.authorization = options.token.header();
    const response = await options.fetch(current, { headers, redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(location, current);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') break;
    current = next.href;
  }
  throw new Error('too many redirects', {
    cause: Object.assign(new Error('redirects'), { code: 'too many redirects' }),
  });
}

async function readBody(response: Response, shown: string, options: GetOptions): Promise<Result<Buffer>> {
  const tooLarge = (seen: string): Result<Buffer> =>
    fail(
      'too-large',
      `The ${options.what} at ${shown} is ${seen}, over the ${formatBytes(options.maxBytes)} limit.`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge(formatBytes(declared));
  }
  if (response.body === null) return ok(Buffer.alloc(0));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const value of response.body as AsyncIterable<Uint8Array>) {
      size += value.byteLength;
      if (size > options.maxBytes) return tooLarge(`more than ${formatBytes(options.maxBytes)}`);
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (error) {
    const why = isTimeout(error)
      ? `it did not arrive within ${options.timeoutMs / 1000} s`
      : networkReason(error);
    return fail(
      'registry-unreachable',
      `The ${options.what} from ${shown} was cut off after ${formatBytes(size)}: ${why}.`,
    );
  }
  return ok(Buffer.concat(chunks, size));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'network error';
}
