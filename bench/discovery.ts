// Discovery over a synthetic home: many config files of many clients, many servers.
// Prints the time of a full `discover` and, as a baseline measured in the same process,
// the time to read and JSON.parse the same files with no discovery logic at all.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discover } from '../src/discovery/index.js';

export interface DiscoveryBenchOptions {
  files: number;
  serversPerFile: number;
  repeats: number;
}

function serversJson(prefix: string, count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    out[`${prefix}-${i}`] = {
      command: 'npx',
      args: ['-y', `@example/mcp-server-${i % 50}@1.${i % 7}.0`, `--root=/srv/${prefix}/${i}`],
      env: { API_KEY: '${API_KEY}', REGION: 'eu-west-1' },
    };
  }
  return out;
}

/** Writes the home; returns every config file written (for the baseline). */
function buildHome(home: string, options: DiscoveryBenchOptions): string[] {
  const written: string[] = [];
  const write = (path: string, data: unknown): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify(data, null, 2));
    written.push(path);
  };
  // Spread the files over several multi-file locations, as a busy machine would have them.
  const kinds = [
    (i: number) => join(home, '.claude', 'plugins', `plugin-${i}`, '.mcp.json'),
    (i: number) => join(home, '.aws', 'amazonq', 'agents', `agent-${i}.json`),
    (i: number) => join(home, '.kiro', 'agents', `agent-${i}.json`),
    (i: number) => join(home, '.gemini', 'extensions', `ext-${i}`, 'gemini-extension.json'),
  ];
  for (let i = 0; i < options.files; i++) {
    const kind = kinds[i % kinds.length];
    if (!kind) continue;
    write(kind(i), { mcpServers: serversJson(`s${i}`, options.serversPerFile) });
  }
  return written;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchDiscovery(options: DiscoveryBenchOptions): Promise<string[]> {
  const home = mkdtempSync(join(tmpdir(), 'warden-bench-home-'));
  try {
    const files = buildHome(home, options);
    const env = { HOME: home, XDG_CONFIG_HOME: undefined };
    const discoverTimes: number[] = [];
    const floorTimes: number[] = [];
    let servers = 0;
    let filesFound = 0;
    for (let r = 0; r < options.repeats; r++) {
      let t = performance.now();
      let parsed = 0;
      for (const f of files)
        parsed += Object.keys(
          (JSON.parse(readFileSync(f, 'utf8')) as { mcpServers: object }).mcpServers,
        ).length;
      floorTimes.push(performance.now() - t);
      t = performance.now();
      const result = await discover({
        platform: 'linux',
        home,
        env,
        cwd: home,
        systemRoot: join(home, 'no-system'),
      });
      discoverTimes.push(performance.now() - t);
      servers = result.servers.length;
      filesFound = result.files.length;
      if (parsed !== servers) throw new Error(`discovery found ${servers} servers, the files hold ${parsed}`);
    }
    const d = median(discoverTimes);
    const f = median(floorTimes);
    return [
      `discovery.files ${filesFound}`,
      `discovery.servers ${servers}`,
      `discovery.time_ms ${d.toFixed(1)} (median of ${options.repeats}; target < 1000)`,
      `discovery.baseline_read_parse_ms ${f.toFixed(1)}`,
      `discovery.ratio_vs_baseline ${(d / f).toFixed(2)}`,
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
