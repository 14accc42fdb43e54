import type { DiscoveryResult } from '../model/discovery.js';
import type { Report, Target } from '../model/report.js';
import type { Logger } from '../model/logger.js';
import type { Coverage } from '../model/coverage.js';
import { toPublicServer, type PublicServer } from '../model/server.js';
import { discover, type DiscoverOptions } from '../discovery/index.js';
import { maskSecrets } from './secrets/index.js';
import { configRules } from '../rules/index.js';
import { runRules } from './run-rules.js';
import { diffInventory } from './inventory-diff.js';
import { buildReport } from './report-builder.js';
import type { Store } from '../store/index.js';
import type { Finding } from '../model/finding.js';
import { packagesBehindServers } from './server-packages.js';
import { vetPackage, type VetOptions } from './vet.js';

export interface MachineRunOptions {
  command: 'audit' | 'discover';
  discover: DiscoverOptions;
  /** Where to record the run; without a store nothing is written and no changes are computed. */
  store?: Store;
  logger: Logger;
  /** Vet the npm packages behind the servers (audit only); absent: configs only. */
  vet?: Omit<VetOptions, 'logger'>;
}

export interface MachineRunResult {
  report: Report;
  discovery: DiscoveryResult;
}

export function publicServers(discovery: DiscoveryResult): PublicServer[] {
  return discovery.servers.map((s) => toPublicServer(s, maskSecrets));
}

function coverageOf(discovery: DiscoveryResult, extraSkipped: Coverage['skipped']): Coverage {
  const skipped = [...discovery.skipped, ...extraSkipped];
  return {
    complete: skipped.length === 0,
    filesScanned: discovery.files.length,
    skipped,
    searched: discovery.searched,
  };
}

/**
 * Discovery (+ config rules for `audit`) over this machine, stored and compared with the
 * previous stored inventory. Never runs any of the servers it finds.
 */
export async function runMachine(options: MachineRunOptions): Promise<MachineRunResult> {
  const startedAt = new Date().toISOString();
  const startedMs = performance.now();
  const { logger } = options;

  logger.progress('Searching MCP client configurations…');
  const discovery = await discover(options.discover);
  logger.progress(
    `Found ${discovery.servers.length} servers in ${discovery.files.length} config files ` +
      `(${discovery.searched.length} locations searched)`,
  );

  const ruleRun =
    options.command === 'audit'
      ? runRules(configRules, { servers: discovery.servers, files: discovery.files }, 'config rules')
      : { findings: [], failed: [] };

  const servers = publicServers(discovery);
  const targets: Target[] = [{ kind: 'machine', ref: options.discover.home }];
  const vetted =
    options.command === 'audit' && options.vet
      ? await vetServerPackages(discovery, { ...options.vet, logger })
      : { targets: [], findings: [], skipped: [], filesScanned: 0 };
  targets.push(...vetted.targets);
  const coverage = coverageOf(discovery, [...ruleRun.failed, ...vetted.skipped]);
  coverage.filesScanned += vetted.filesScanned;
  const partial = {
    command: options.command,
    startedAt,
    startedMs,
    targets,
    findings: [...ruleRun.findings, ...vetted.findings],
    coverage,
    servers,
    packages: discovery.packages,
  };

  if (!options.store) return { report: buildReport(partial), discovery };

  const previous = await options.store.previousInventory();
  const changes = previous ? diffInventory(previous.servers, servers) : undefined;
  const draft = buildReport(changes ? { ...partial, changes } : partial);
  const runId = await options.store.recordRun({ report: draft });
  if (changes) await options.store.recordChanges(runId, changes);
  return { report: { ...draft, runId }, discovery };
}

interface Vetted {
  targets: Target[];
  findings: Finding[];
  skipped: Coverage['skipped'];
  filesScanned: number;
}

/** Vets each npm package behind a discovered server, once however many servers run it. */
async function vetServerPackages(discovery: DiscoveryResult, options: VetOptions): Promise<Vetted> {
  const { requests, skipped } = packagesBehindServers(discovery.servers, discovery.packages);
  const out: Vetted = { targets: [], findings: [], skipped: [...skipped], filesScanned: 0 };
  for (const [i, request] of requests.entries()) {
    options.logger.progress(
      `Vetting package ${i + 1}/${requests.length}: ${request.spec} (${request.servers.join(', ')})`,
    );
    const result = await vetPackage(request.spec, options);
    out.targets.push(result.target);
    out.findings.push(...result.findings);
    out.skipped.push(...result.skipped);
    out.filesScanned += result.filesScanned;
  }
  return out;
}
