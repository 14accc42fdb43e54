// Vets the most-downloaded MCP server packages (bench/benign-corpus/packages.json) and prints
// every finding at high or above per package, the share of packages with one, and the
// analysis throughput. As a baseline measured in the same process, the same files are
// parsed with oxc-parser alone. Packages are fetched once into bench/.cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import { loadPackage, fetchPackument } from '../src/analyze/package/index.js';
import { analyzeCode, isCodePath } from '../src/analyze/code/index.js';
import { runRules } from '../src/analyze/run-rules.js';
import { codeRules, packageRules, parsePackument, type Packument } from '../src/rules/index.js';
import { atOrAbove } from '../src/model/severity.js';
import type { PackageFile } from '../src/model/package.js';
import { repoRootOf } from './paths.js';

interface Entry {
  name: string;
  version: string;
}

export interface CorpusBenchOptions {
  /** How many packages of the list (in list order). */
  count: number;
}

function codeFilesOf(files: readonly PackageFile[]): PackageFile[] {
  return files.filter((f) => isCodePath(f.path) && !f.path.includes('node_modules/'));
}

export async function benchBenignCorpus(options: CorpusBenchOptions): Promise<string[]> {
  const root = repoRootOf(import.meta.url);
  const list = (
    JSON.parse(readFileSync(join(root, 'bench', 'benign-corpus', 'packages.json'), 'utf8')) as { packages: Entry[] }
  ).packages.slice(0, options.count);
  const cacheDir = join(root, 'bench', '.cache');
  const lines: string[] = [];
  let flagged = 0;
  let analysed = 0;
  let bytes = 0;
  let analyseMs = 0;
  let parseMs = 0;
  const failures: string[] = [];

  for (const entry of list) {
    const spec = `${entry.name}@${entry.version}`;
    const loaded = await loadPackage(spec, { cacheDir });
    if (!loaded.ok) {
      failures.push(`${spec} (${loaded.code})`);
      continue;
    }
    const pkg = loaded.value;
    let packument: Packument | undefined;
    const fetched = await fetchPackument(entry.name);
    if (fetched.ok) {
      const parsed = parsePackument(fetched.value.packument);
      if (parsed.ok) packument = parsed.value;
    }
    const code = codeFilesOf(pkg.files);

    let t = performance.now();
    for (const file of code) parseSync(file.path, file.data.toString('utf8'));
    parseMs += performance.now() - t;

    t = performance.now();
    const model = analyzeCode(pkg.files);
    const findings = [
      ...runRules(codeRules, { target: pkg.ref, model }, pkg.ref).findings,
      ...runRules(packageRules, { pkg, now: new Date(), ...(packument ? { packument } : {}) }, pkg.ref).findings,
    ];
    analyseMs += performance.now() - t;
    bytes += model.files.reduce((sum, f) => sum + f.source.length, 0);
    analysed += 1;

    const serious = findings.filter((f) => atOrAbove(f.severity, 'high'));
    if (serious.length > 0) {
      flagged += 1;
      for (const f of serious) {
        const where = 'file' in f.location ? `${f.location.file}:${f.location.line ?? 0}` : '';
        lines.push(`corpus.finding ${spec} ${f.severity} ${f.ruleId} ${where} ${f.evidence ?? ''}`.trim());
      }
    }
  }
  const mb = bytes / 1e6;
  lines.push(
    `corpus.packages_analysed ${analysed} of ${list.length}`,
    `corpus.packages_high_or_critical ${flagged} (target: at most 2 of 100)`,
    `corpus.code_mb ${mb.toFixed(1)}`,
    `corpus.analyse_mb_s ${(mb / (analyseMs / 1000)).toFixed(1)} (code + package rules, one core; target >= 10)`,
    `corpus.baseline_parse_only_mb_s ${(mb / (parseMs / 1000)).toFixed(1)}`,
    `corpus.ratio_analyse_vs_parse ${(analyseMs / parseMs).toFixed(2)}`,
  );
  if (failures.length > 0) lines.push(`corpus.not_loaded ${failures.join(', ')}`);
  return lines;
}
