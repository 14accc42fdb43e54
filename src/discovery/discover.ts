import type { Searched, Skipped } from '../model/coverage.js';
import type { DiscoveryResult } from '../model/discovery.js';
import { silentLogger, type Logger } from '../model/logger.js';
import { locationsFor } from './clients/table.js';
import { walkGlob } from './fs/walk.js';
import { listNpxPackages } from './npx-cache.js';
import { pathContext, projectDirs, type PathContext } from './paths.js';
import { followTargets, processFile, type FileOutcome, type FileTarget } from './process-file.js';
import { DEFAULT_LIMITS, type ClientLocation, type DiscoverOptions, type DiscoveryLimits } from './types.js';

/** How many files are read at once. */
const CONCURRENCY = 16;

export function resolveLimits(limits: Partial<DiscoveryLimits> | undefined): DiscoveryLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

export function listLocations(options: DiscoverOptions): ClientLocation[] {
  const ctx = pathContext(options);
  return locationsFor(ctx, projectDirs(options.cwd, ctx));
}

async function mapPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, run));
  return out;
}

interface Expanded {
  location: ClientLocation;
  searched: Searched;
  files: string[];
  skipped: Skipped[];
}

async function expand(
  location: ClientLocation,
  ctx: PathContext,
  limits: DiscoveryLimits,
): Promise<Expanded> {
  const searched: Searched = {
    client: location.client,
    scope: location.scope,
    configPath: location.path,
    found: false,
  };
  if (location.kind === 'file') return { location, searched, files: [location.path], skipped: [] };
  const walked = await walkGlob(location.path, location.pattern ?? '*', ctx.join, {
    maxDepth: limits.maxGlobDepth,
    maxEntries: limits.maxGlobEntries,
  });
  searched.found = walked.baseFound;
  return { location, searched, files: walked.files, skipped: walked.skipped };
}

function targetOf(location: ClientLocation, path: string): FileTarget {
  const target: FileTarget = { path, client: location.client, scope: location.scope, shape: location.shape };
  if (location.format !== undefined) target.format = location.format;
  return target;
}

class Collector {
  readonly result: DiscoveryResult = { servers: [], files: [], searched: [], skipped: [], packages: [] };
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  skip(items: readonly Skipped[]): void {
    for (const item of items) {
      this.logger.debug(`skipped ${item.path}: ${item.code}`);
      this.result.skipped.push(item);
    }
  }

  /** Adds a file's outcome once per client and real path. */
  add(target: FileTarget, outcome: FileOutcome): boolean {
    if (!outcome.found) return false;
    const key = `${target.client}\u0000${outcome.realPath}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (outcome.record) this.result.files.push(outcome.record);
    this.result.servers.push(...outcome.servers);
    this.skip(outcome.skipped);
    return true;
  }
}

export async function discoverMachine(options: DiscoverOptions): Promise<DiscoveryResult> {
  const logger = options.logger ?? silentLogger;
  const limits = resolveLimits(options.limits);
  const ctx = pathContext(options);
  const locations = locationsFor(ctx, projectDirs(options.cwd, ctx));
  logger.debug(`discovery: ${locations.length} locations`);
  const expanded = await mapPool(locations, (location) => expand(location, ctx, limits));
  const targets = expanded.map((e) => e.files.map((path) => targetOf(e.location, path)));
  const outcomes = await mapPool(targets.flat(), (target) => processFile(target, limits.maxFileBytes));
  const collector = new Collector(logger);
  let offset = 0;
  for (const [i, entry] of expanded.entries()) {
    collector.result.searched.push(entry.searched);
    collector.skip(entry.skipped);
    const files = targets[i] ?? [];
    for (const [j, target] of files.entries()) {
      const outcome = outcomes[offset + j];
      if (!outcome) continue;
      if (entry.location.kind === 'file') entry.searched.found = outcome.found;
      collector.add(target, outcome);
      for (const follow of followTargets(target, outcome.follow, ctx)) {
        const followed = await processFile(follow, limits.maxFileBytes);
        const { client, scope, path } = follow;
        collector.result.searched.push({ client, scope, configPath: path, found: followed.found });
        collector.add(follow, followed);
      }
    }
    offset += files.length;
  }
  const npx = await listNpxPackages(ctx, limits);
  collector.result.searched.push(npx.searched);
  collector.result.packages.push(...npx.packages);
  collector.skip(npx.skipped);
  return collector.result;
}
