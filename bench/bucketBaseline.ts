/**
 * The per-day bucket baseline: the plain baseline's flat arrays (every open interval of 2024–2030
 * as epoch ms, prefix sums of open time, business days), plus, for every UTC day from the first
 * one, the first interval ending after that day's start and the first business day opening after
 * it. A lookup starts at the instant's bucket and steps over the day's few intervals, as
 * support-policy's year tables do, but over one flat array: no chunks, no validation, no instant
 * conversion, no range checks. Plain closures over typed arrays, like the plain baseline.
 */
import type { Baseline, BaselineOptions } from './baseline.js';
import { makeBaseline } from './baseline.js';

const DAY = 86_400_000;

export function makeBucketBaseline(o: BaselineOptions): Baseline {
  const { starts, ends, cum, dayOpen, dayClose } = makeBaseline(o);
  const n = starts.length;
  const days = dayOpen.length;
  const t0 = Math.floor(starts[0]! / DAY) * DAY;
  const buckets = Math.ceil((ends[n - 1]! - t0) / DAY) + 1;
  const bucket = new Int32Array(buckets);
  const dayBucket = new Int32Array(buckets);
  for (let k = 0, i = 0, j = 0; k < buckets; k++) {
    const at = t0 + k * DAY;
    while (i < n && ends[i]! <= at) i++;
    while (j < days && dayOpen[j]! <= at) j++;
    bucket[k] = i;
    dayBucket[k] = j;
  }
  const last = buckets - 1;
  const bucketOf = (t: number): number => {
    const k = Math.floor((t - t0) / DAY);
    return k < 0 ? 0 : k > last ? last : k;
  };
  /** Index of the last interval opening at or before t (-1 if none). */
  const intervalAt = (t: number): number => {
    let i = bucket[bucketOf(t)]!;
    while (i < n && starts[i]! <= t) i++;
    return i - 1;
  };
  const openBefore = (t: number): number => {
    const i = intervalAt(t);
    if (i < 0) return 0;
    const e = ends[i]!;
    return cum[i]! + (t < e ? t : e) - starts[i]!;
  };
  /** Instant at which `target` open ms (from the first interval) have elapsed; steps forward from interval `from`. */
  const instantAt = (target: number, from: number): number => {
    let i = from < 0 ? 0 : from;
    while (i + 1 < n && cum[i + 1]! < target) i++;
    const r = starts[i]! + (target - cum[i]!);
    if (!(r <= ends[i]!)) throw new RangeError('bucket baseline: result past the precomputed years');
    return r;
  };
  const add = (t: number, d: number): number => {
    if (d === 0) return t;
    const i = intervalAt(t);
    if (i < 0) return instantAt(d, 0);
    const e = ends[i]!;
    return instantAt(cum[i]! + (t < e ? t : e) - starts[i]! + d, i);
  };
  const between = (a: number, b: number): number => openBefore(b) - openBefore(a);
  const addBusinessDays = (t: number, days_: number): number => {
    const i = intervalAt(t);
    const s = i >= 0 && t < ends[i]! ? t : starts[i + 1]!; // first open instant >= t
    if (days_ === 0) return s;
    let j = dayBucket[bucketOf(s)]!;
    while (j < days && dayOpen[j]! <= s) j++;
    j--; // business day D holding s
    const offset = between(dayOpen[j]!, s);
    const k = j + (offset === 0 ? days_ - 1 : days_);
    const close = dayClose[k]!;
    if (offset === 0) return close;
    const reached = add(dayOpen[k]!, offset);
    return reached < close ? reached : close;
  };
  return { starts, ends, cum, dayOpen, dayClose, add, between, addBusinessDays };
}
