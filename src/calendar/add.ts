import { type CalendarTables, instantAtOpenTime, intervalAt, type Io } from './tables.js';

/**
 * The earliest instant at which `durationMs` (≥ 0) of open time has elapsed since `at`.
 * `add(t, 0) = t`; a deadline reached exactly at a closing is that closing.
 * @throws CalculationError `never_open` when the bounded search finds too little open time.
 * @internal
 */
export function add(tables: CalendarTables, at: number, durationMs: number): number {
  const io = tables.io;
  io[0] = at;
  io[1] = durationMs;
  addIo(tables, io);
  return io[2]!;
}

/** {@link add} of `io[0]` (the instant) and `io[1]` (the duration), into `io[2]` (see {@link Io}). @internal */
export function addIo(tables: CalendarTables, io: Io): void {
  const at = io[0]!;
  const durationMs = io[1]!;
  if (durationMs === 0) {
    io[2] = at;
    return;
  }
  tables.assertCanOpen();
  let c = tables.chunkAt(at);
  let i = intervalAt(c, at);
  let target = durationMs;
  if (i >= 0) {
    const e = c.ends[i]!;
    target += c.cum[i]! + (at < e ? at : e) - c.starts[i]!;
  } else i = 0;
  if (target > c.total) {
    // Later years are measured by their open time alone; only the year reached is needed whole.
    target -= c.total;
    let k = tables.nextOpenIndex(c.index, 1);
    for (; target > tables.totalOf(k); k = tables.nextOpenIndex(k, 1)) target -= tables.totalOf(k);
    c = tables.chunk(k);
    i = 0;
  }
  io[2] = instantAtOpenTime(c, target, i);
}
