// Runs the benchmarks and prints one line per figure. `--small` for CI-sized runs;
// a name (e.g. `discovery`) runs only that one.
import { benchDiscovery } from './discovery.js';
import { benchBenignCorpus } from './benign-corpus.js';

const args = process.argv.slice(2);
const small = args.includes('--small');
const only = args.filter((a) => !a.startsWith('--'));

const benches: Record<string, () => Promise<string[]>> = {
  discovery: () =>
    benchDiscovery(
      small
        ? { files: 200, serversPerFile: 10, repeats: 3 }
        : { files: 1000, serversPerFile: 10, repeats: 5 },
    ),
  corpus: () => benchBenignCorpus({ count: small ? 10 : 100 }),
};

for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  for (const line of await run()) process.stdout.write(`${line}\n`);
}
