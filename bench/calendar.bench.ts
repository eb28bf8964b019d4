/**
 * `npm run bench`: business-calendar throughput of support-policy against two precomputed
 * baselines (binary search, per-day buckets) and three competitors, the memory of a 10-year
 * calendar, and the cold costs of year tables (bench/coldCosts.ts). See docs/performance.md.
 *
 * The measurement needs `global.gc` (node --expose-gc) for the memory figure, and TZ=Europe/Madrid
 * because moment-business-time and dayjs-business-time only compute in the process's local zone.
 * When either is missing, this file runs itself again in a child node process that has both.
 */
import { runWithGc } from './respawn.js';

await runWithGc(
  import.meta.url,
  'calendar.bench',
  async () => {
    const { run } = await import('./suite.js');
    await run();
  },
  { TZ: 'Europe/Madrid' },
);
