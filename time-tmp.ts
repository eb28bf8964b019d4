import { makeSlaWorkload, NOW } from './bench/slaWorkload.js';
const lib = await import(process.argv[2]!);
const w = makeSlaWorkload(100_000);
const setups = [
  { p: w.standard, n: lib.parsePolicy(lib.standardSupport) },
  { p: w.dedicated, n: lib.parsePolicy(lib.dedicatedSupport) },
];
for (const format of ['columns', 'rows']) {
  const ts: number[] = [];
  for (let k = 0; k < 9; k++) { const s = performance.now(); for (const x of setups) lib.measureMany(x.n, x.p.tickets, NOW, { format }); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(process.argv[2]!.includes('wt-old') ? 'old' : 'new', format, ts[4]!.toFixed(0), 'ms');
}
