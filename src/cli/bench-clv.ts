/**
 * Benchmark of the CLV model fits: simulates 1M customers from the CDNOW estimates (seeded),
 * then times the BG/NBD and Gamma-Gamma maximum-likelihood fits.
 * Run: npx tsx src/cli/bench-clv.ts [customers] [--continuous]
 * By default purchase times are whole days (as any transaction log gives them); --continuous
 * keeps exact simulated times, the worst case for the likelihood's (x, tₓ, T) aggregation.
 */
import { fitBgnbd } from '../lib/analysis/clv/bgnbd';
import { fitGammaGamma } from '../lib/analysis/clv/gamma-gamma';
import { simulateBgnbd, simulateMeanSpend } from '../lib/analysis/clv/simulate';
import { mulberry32 } from '../lib/util/random';

const CDNOW_BGNBD = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
const CDNOW_GAMMA_GAMMA = { p: 6.2488, q: 3.7446, gamma: 15.4477 };

const args = process.argv.slice(2);
const customers = Number(args.find((a) => !a.startsWith('--')) ?? 1_000_000);
const continuous = args.includes('--continuous');
if (!(Number.isInteger(customers) && customers > 0)) {
  console.error(`customers must be a positive integer, got ${args[0]}`);
  process.exit(2);
}

const random = mulberry32(20_250_101);
// A CDNOW-like cohort: first purchases spread over the first 12 weeks of a 39-week calibration.
const ages = Float64Array.from({ length: customers }, () => (272 - Math.floor(random() * 84)) / 7);
let started = performance.now();
const sim = simulateBgnbd(CDNOW_BGNBD, ages, random);
if (!continuous) sim.tx.forEach((t, i) => (sim.tx[i] = Math.floor(t * 7) / 7));
const zbar = simulateMeanSpend(CDNOW_GAMMA_GAMMA, sim.x, random);
const simulateMs = performance.now() - started;

started = performance.now();
const bgnbd = fitBgnbd(sim.x, sim.tx, sim.T);
const bgnbdMs = performance.now() - started;
started = performance.now();
const gammaGamma = fitGammaGamma(sim.x, zbar);
const gammaGammaMs = performance.now() - started;

const fmt = (v: number, digits = 4): string => v.toFixed(digits);
console.log(`customers ${customers} (${continuous ? 'continuous times' : 'times in whole days'}), simulated in ${fmt(simulateMs / 1000, 2)} s`);
console.log(
  `BG/NBD: r ${fmt(bgnbd.r)} alpha ${fmt(bgnbd.alpha)} a ${fmt(bgnbd.a)} b ${fmt(bgnbd.b)} ll ${fmt(bgnbd.ll, 2)}` +
    ` converged ${bgnbd.converged} iterations ${bgnbd.iterations} records ${bgnbd.records} in ${fmt(bgnbdMs / 1000, 2)} s`,
);
console.log(
  `Gamma-Gamma: p ${fmt(gammaGamma.p)} q ${fmt(gammaGamma.q)} gamma ${fmt(gammaGamma.gamma)} ll ${fmt(gammaGamma.ll, 2)}` +
    ` converged ${gammaGamma.converged} iterations ${gammaGamma.iterations} customers ${gammaGamma.customers} in ${fmt(gammaGammaMs / 1000, 2)} s`,
);
console.log(`fit wall time (BG/NBD + Gamma-Gamma): ${fmt((bgnbdMs + gammaGammaMs) / 1000, 2)} s`);
console.log(`true values: BG/NBD ${JSON.stringify(CDNOW_BGNBD)}, Gamma-Gamma ${JSON.stringify(CDNOW_GAMMA_GAMMA)}`);
