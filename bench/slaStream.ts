/**
 * The SLA stream benchmark, run by bench/slaStream.bench.ts in a process of its own (its peak RSS
 * is the stream's): `measureStream` over tickets made one at a time by a generator
 * (bench/slaStreamWorkload.ts), as columns, against `measureMany` over 100,000 tickets of the same
 * generator held in memory, in the same process.
 *
 * 1. The stream: half the tickets per preset, one `measureStream` call each, every chunk dropped
 *    once counted, after an untimed stream of 50,000 tickets. Wall time, the garbage collector's share, and the process's peak RSS right
 *    after (nothing else has run yet).
 * 2. The generator alone over `GENERATOR_SAMPLE` tickets (scaled): what making the tickets costs,
 *    which the stream pays and the in-memory batch does not.
 * 3. The batch: 100,000 tickets of the generator in two arrays, `measureMany` as columns once per
 *    preset; 3 untimed runs, then 9 back to back (as bench/slaSuite.ts times them), the median.
 * 4. Agreement: a stream of the batch's own tickets gives the batch's figures (every target's
 *    elapsed time and due instant, in order).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import {
  dedicatedSupport,
  measureMany,
  measureStream,
  parsePolicy,
  type Policy,
  type SlaColumns,
  standardSupport,
} from '../src/index.js';
import { fmtNs, fmtRatio, sink, table } from './harness.js';
import { memorySnapshot, printMachine } from './machine.js';
import { fmtBytes } from './memory.js';
import { median, timeRuns } from './slaTiming.js';
import { type StreamPreset, streamPresets, streamTickets } from './slaStreamWorkload.js';
import { EVENTS_PER_TICKET, NOW, type SlaTicketInput } from './slaWorkload.js';

/** The batch the stream is compared with. */
const BATCH = 100_000;
/** Tickets streamed untimed first. */
const WARM_UP = 50_000;
/** Tickets the generator makes alone, timed to subtract its cost from the stream's. */
const GENERATOR_SAMPLE = 2_000_000;
/** Targets of the issue. */
const TARGET_RSS = 300 * 1_000_000;
const TARGET_RATIO = 1.25;

const now = () => process.hrtime.bigint();
/** CPU time of the process (every thread: the collector's too), in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Lets the garbage collector's entries reach the observer. */
const settle = () => new Promise((done) => setTimeout(done, 20));

export interface StreamBenchOptions {
  readonly tickets: number;
  readonly chunkSize?: number;
}

export async function runStream({ tickets, chunkSize }: StreamBenchOptions): Promise<void> {
  const started = now();
  printMachine('\nsupport-policy SLA stream benchmark');
  const presets = streamPresets();
  const policies: Policy[] = presets.map((p) =>
    parsePolicy(p.name === 'standardSupport' ? standardSupport : dedicatedSupport),
  );
  const half = (n: number, i: number) => (i === 0 ? Math.floor(n / 2) : n - Math.floor(n / 2));
  const options =
    chunkSize === undefined ? ({ format: 'columns' } as const) : ({ format: 'columns', chunkSize } as const);
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const rssAtStart = process.memoryUsage().rss;

  // 1. The stream.
  const stream = (count: number, each: (c: SlaColumns) => void) =>
    presets.forEach((p, i) => {
      for (const chunk of measureStream(policies[i]!, streamTickets(p, half(count, i)), NOW, options))
        each(chunk.results);
    });
  // An untimed warm-up, so the timed stream does not pay for compiling the code and the calendars' tables.
  stream(WARM_UP, (c) => (sink.checksum += c.targets.length));
  const heapBefore = memorySnapshot(gc);
  let chunks = 0;
  let targets = 0;
  await settle();
  gcMs = 0;
  let t0 = now();
  const cpu0 = cpuMs();
  stream(tickets, (c) => {
    chunks++;
    targets += c.targets.length;
  });
  const streamMs = msSince(t0);
  const streamCpuMs = cpuMs() - cpu0;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  // What the stream left behind: the heap after the warm-up and after the whole stream, collected.
  const heapAfter = memorySnapshot(gc);
  await settle();
  const streamGcMs = gcMs;

  // 2. The generator alone.
  const sample = Math.min(tickets, GENERATOR_SAMPLE);
  t0 = now();
  let cpu = cpuMs();
  presets.forEach((p, i) => {
    for (const t of streamTickets(p, half(sample, i))) sink.checksum += t.events.length;
  });
  const generatorMs = (msSince(t0) * tickets) / sample;
  const generatorCpuMs = ((cpuMs() - cpu) * tickets) / sample;

  // 3. The batch, in memory.
  t0 = now();
  const batches: SlaTicketInput[][] = presets.map((p: StreamPreset, i) => [...streamTickets(p, half(BATCH, i))]);
  const batchGeneratedMs = msSince(t0);
  const columnsOf = (i: number) => measureMany(policies[i]!, batches[i]!, NOW, { format: 'columns' });
  const batch = () => {
    for (let i = 0; i < presets.length; i++) sink.checksum += columnsOf(i).targets.length;
  };
  timeRuns(0, 3, batch);
  await settle();
  gcMs = 0;
  cpu = cpuMs();
  const batchRuns = timeRuns(9, 0, batch);
  const batchCpuMs = (cpuMs() - cpu) / batchRuns.length;
  await settle();
  const batchGcShare = gcMs / batchRuns.reduce((a, b) => a + b, 0);
  const batchMs = median(batchRuns);

  // 4. Agreement on the batch's own tickets: every target's elapsed time and due instant, in order.
  const expected = presets.map((_, i) => columnsOf(i).targets);
  const batchTargets = expected.reduce((n, t) => n + t.length, 0);
  let streamTargets = 0;
  let agreeing = 0;
  presets.forEach((p, i) => {
    const want = expected[i]!;
    let r = 0;
    for (const chunk of measureStream(policies[i]!, batches[i]!, NOW, options)) {
      const t = chunk.results.targets;
      for (let k = 0; k < t.length; k++, r++)
        if (t.elapsedMs[k] === want.elapsedMs[r] && Object.is(t.dueAt[k], want.dueAt[r])) agreeing++;
      streamTargets += t.length;
    }
  });
  const agree = agreeing === batchTargets && streamTargets === batchTargets;

  // ---- report ----
  const ns = (ms: number, n: number) => fmtNs((ms * 1e6) / n);
  console.log(
    `workload    ${num(tickets)} tickets × ${EVENTS_PER_TICKET} events from a generator (half standardSupport, half dedicatedSupport), chunks of ${chunkSize === undefined ? 'the default size' : num(chunkSize)}: ${num(chunks)} chunks, ${num(targets)} measured targets`,
  );
  console.log(`            compared with ${num(BATCH)} tickets of the same generator held in memory\n`);
  console.log(
    table(
      ['measured', 'wall time', 'ns/ticket', 'CPU time', 'CPU ns/ticket', 'gc share'],
      [
        [
          'measureStream, columns (generator included)',
          `${num(streamMs / 1000, 2)} s`,
          ns(streamMs, tickets),
          `${num(streamCpuMs / 1000, 2)} s`,
          ns(streamCpuMs, tickets),
          `${num((100 * streamGcMs) / streamMs, 1)} %`,
        ],
        [
          `the generator alone (${num(sample)} tickets, scaled)`,
          `${num(generatorMs / 1000, 2)} s`,
          ns(generatorMs, tickets),
          `${num(generatorCpuMs / 1000, 2)} s`,
          ns(generatorCpuMs, tickets),
          '—',
        ],
        [
          'measureStream less the generator',
          `${num((streamMs - generatorMs) / 1000, 2)} s`,
          ns(streamMs - generatorMs, tickets),
          `${num((streamCpuMs - generatorCpuMs) / 1000, 2)} s`,
          ns(streamCpuMs - generatorCpuMs, tickets),
          '—',
        ],
        [
          `measureMany, columns, ${num(BATCH)} in memory (median of 9; CPU: mean)`,
          `${num(batchMs, 1)} ms`,
          ns(batchMs, BATCH),
          `${num(batchCpuMs, 1)} ms`,
          ns(batchCpuMs, BATCH),
          `${num(100 * batchGcShare, 1)} %`,
        ],
        [
          `making those ${num(BATCH)} tickets`,
          `${num(batchGeneratedMs, 1)} ms`,
          ns(batchGeneratedMs, BATCH),
          '',
          '',
          '—',
        ],
      ],
    ),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const ratio = (streamMs - generatorMs) / tickets / (batchMs / BATCH);
  const cpuRatio = (streamCpuMs - generatorCpuMs) / tickets / (batchCpuMs / BATCH);
  const whole = streamMs / tickets / (generatorMs / tickets + batchMs / BATCH);
  console.log('\nAgainst the targets\n');
  console.log(
    table(
      ['measured', 'result', 'target', 'verdict'],
      [
        [
          'peak RSS of the stream process',
          fmtBytes(peakRss),
          `≤ ${num(TARGET_RSS / 1e6)} MB`,
          verdict(peakRss <= TARGET_RSS),
        ],
        [
          'per ticket: stream (less the generator) / batch, wall time',
          fmtRatio(ratio),
          `≤ ${TARGET_RATIO}×`,
          verdict(ratio <= TARGET_RATIO),
        ],
        [
          'the same in CPU time (steadier on a shared machine)',
          fmtRatio(cpuRatio),
          `≤ ${TARGET_RATIO}×`,
          verdict(cpuRatio <= TARGET_RATIO),
        ],
        ['per ticket: stream / (generator + batch), wall time', fmtRatio(whole), 'information', '—'],
      ],
    ),
  );
  console.log(
    `\nrss         ${fmtBytes(rssAtStart)} at start, ${fmtBytes(process.memoryUsage().rss)} at the end (the batch alive); peak ${fmtBytes(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(
    `heap        ${fmtBytes(heapBefore.heap + heapBefore.ab)} after the warm-up, ${fmtBytes(heapAfter.heap + heapAfter.ab)} after the stream (heapUsed + arrayBuffers after gc)`,
  );
  console.log(
    `agreement   a stream of the batch's own tickets: ${num(agreeing)}/${num(batchTargets)} targets with the batch's elapsed time and due instant${agree ? '' : ' (NOT the same)'}`,
  );
  console.log(`checksum    ${sink.checksum}`);
  console.log(`total       ${num(msSince(started) / 1000, 1)} s`);
  observer.disconnect();
  if (!agree) process.exitCode = 1;
}
