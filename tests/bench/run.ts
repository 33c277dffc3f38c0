/** `npm run bench`: every benchmark, printed as a table. */
import { benchAnalysis } from './analysis.bench.js';

console.log('mandatemap benchmarks (median of runs where several; this machine)\n');
await benchAnalysis();
