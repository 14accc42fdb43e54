import type { Finding } from '../model/finding.js';
import type { InventoryChange, Report, Target } from '../model/report.js';
import type { PublicServer } from '../model/server.js';
import type { Severity } from '../model/severity.js';

/**
 * What one run leaves in the store. Everything is taken from the report: its summary,
 * coverage counts, the public inventory (`servers`, present only for commands that take
 * one), cached packages and findings. The report holds public forms only (env and header
 * keys, masked args), so nothing secret can reach the store through it.
 */
export interface RunRecord {
  report: Report;
}

/** One stored run, without its findings or inventory. */
export interface RunSummary {
  id: number;
  command: string;
  startedAt: string;
  durationMs: number;
  toolVersion: string;
  targets: Target[];
  complete: boolean;
  filesScanned: number;
  skippedCount: number;
  summary: Record<Severity, number>;
  /** Number of inventoried servers; absent when the run took no inventory. */
  serverCount?: number;
}

/** An inventory change as stored: which run saw it and when. */
export type StoredChange = InventoryChange & { runId: number; detectedAt: string };

export interface StoredInventory {
  runId: number;
  startedAt: string;
  servers: PublicServer[];
}

/**
 * Persistence for runs, inventory history and findings. SQLite is the embedded default;
 * the interface is async so that a server database can implement it as well.
 */
export interface Store {
  /** Records one run: its report summary, the public inventory, cached packages, findings. Returns the run id. */
  recordRun(run: RunRecord): Promise<number>;
  /**
   * Inventory of the most recent run before `beforeRunId` (or the latest) that recorded an
   * inventory (commands audit/discover); undefined when none. "Most recent" is by run id,
   * which grows with every recorded run.
   */
  previousInventory(beforeRunId?: number): Promise<StoredInventory | undefined>;
  /** Records the changes a run found against the previous inventory; they are dated with the run's start. */
  recordChanges(runId: number, changes: InventoryChange[]): Promise<void>;
  /** The latest runs, newest first. */
  listRuns(limit: number): Promise<RunSummary[]>;
  /** Inventory changes, newest first, optionally for one server id. */
  changeHistory(options: { limit: number; serverId?: string }): Promise<StoredChange[]>;
  /** The findings of one run, in the order they were recorded. */
  findings(runId: number): Promise<Finding[]>;
  /** Closes the store; later calls fail with `store-closed`. Closing twice is harmless. */
  close(): Promise<void>;
}
