/** `npm run bench`: every benchmark, printed as a table. `npm run bench -- import` runs one group. */
import { benchAnalysis } from './analysis.bench.js';
import { benchImport } from './import.bench.js';
import { benchLoad } from './load.bench.js';
import { benchViz } from './viz.bench.js';

const groups: Record<string, () => Promise<void>> = {
  analysis: benchAnalysis,
  import: benchImport,
  viz: benchViz,
  load: benchLoad,
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((g) => !(g in groups));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark group: ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`,
  );
  process.exit(2);
}
console.log('mandatemap benchmarks (median of runs where several; this machine)\n');
for (const name of chosen.length > 0 ? chosen : Object.keys(groups)) await groups[name]!();
