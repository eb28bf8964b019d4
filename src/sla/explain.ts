import { localTime, startOfDay } from '../calendar/localTime.js';
import { parseIsoDate } from '../internal/civil.js';
import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { memoFor } from '../internal/memo.js';
import type { Clock, ClockOutcome } from './clockTypes.js';
import type { ClockEngine } from './engine.js';
import type { SlaSpan } from './results.js';

type Kind = SlaSpan['kind'];

/**
 * The spans that made up a clock's elapsed time up to `now` (open time counted, closed hours and
 * holidays skipped, pauses, solved stretches), then, while the target is not yet reached, the
 * projected way from `now` (or from the stop) to the due instant. The counted time of the spans
 * that are not projected adds up to the elapsed time.
 * @internal
 */
export function explainClock(engine: ClockEngine, c: Clock, now: number, o: ClockOutcome): readonly SlaSpan[] {
  const t = c.target!;
  const out: SlaSpan[] = [];
  const holidays = holidayNames(t.calendar);
  const push = (
    from: number,
    to: number,
    kind: Kind,
    projected: boolean,
    extra: { status?: string; holiday?: string } = {},
  ) => {
    if (from >= to) return;
    const last = out[out.length - 1];
    if (
      last &&
      last.to === from &&
      last.kind === kind &&
      last.projected === projected &&
      last.status === extra.status &&
      last.holiday === extra.holiday
    ) {
      out[out.length - 1] = { ...last, to, countedMs: kind === 'open' ? last.countedMs + (to - from) : 0 };
      return;
    }
    out.push({ from, to, kind, countedMs: kind === 'open' ? to - from : 0, ...extra, projected });
  };
  const closed = (from: number, to: number, projected: boolean) => {
    let cursor = from;
    for (const h of holidays(from, to)) {
      push(cursor, h.from, 'closed', projected);
      push(h.from, h.to, 'holiday', projected, { holiday: h.name });
      cursor = h.to;
    }
    push(cursor, to, 'closed', projected);
  };
  const running = (from: number, to: number, projected: boolean) => {
    if (t.calendar === null) return push(from, to, 'open', projected);
    let cursor = from;
    for (const iv of t.calendar.openIntervals(from, to)) {
      closed(cursor, iv.start, projected);
      push(iv.start, iv.end, 'open', projected);
      cursor = iv.end;
    }
    closed(cursor, to, projected);
  };
  engine.forEachSegment(c, now, (from, to, status) => {
    if (status.category !== 'open') push(from, to, 'solved', false, { status: status.name });
    else if (t.pauseOn.includes(status.name)) push(from, to, 'paused', false, { status: status.name });
    else running(from, to, false);
  });
  if (o.due !== null && o.elapsed < c.ms) {
    const from = o.stoppedAt ?? now;
    running(from, o.due, true);
  }
  return Object.freeze(out.map((s) => Object.freeze(s)));
}

/** A holiday as the instants of its local day. */
interface HolidayRange {
  readonly from: number;
  readonly to: number;
  readonly name: string;
}

/** Holiday ranges per calendar and local year: calendars are immutable, so this never changes an answer. */
const rangesByCalendar = new WeakMap<BusinessCalendar, Map<number, readonly HolidayRange[]>>();

function holidayRanges(calendar: BusinessCalendar, year: number): readonly HolidayRange[] {
  const byYear = memoFor(rangesByCalendar, calendar);
  let ranges = byYear.get(year);
  if (ranges === undefined) {
    const seen = new Set<string>();
    const list: HolidayRange[] = [];
    for (const h of calendar.holidaysIn(year)) {
      if (seen.has(h.date)) continue;
      seen.add(h.date);
      const day = parseIsoDate(h.date)!;
      const from = startOfDay(day, calendar.zone);
      const to = startOfDay(day + 1, calendar.zone);
      if (to > from) list.push({ from, to, name: h.name }); // a date the zone skipped has no instant
    }
    ranges = list;
    byYear.set(year, ranges);
  }
  return ranges;
}

/** The holidays of a calendar overlapping `[from, to)`, as local whole days clipped to it. */
function holidayNames(calendar: BusinessCalendar | null) {
  return (from: number, to: number): HolidayRange[] => {
    if (calendar === null || from >= to) return [];
    const found: HolidayRange[] = [];
    const first = localTime(from, calendar.zone).year;
    const last = localTime(to - 1, calendar.zone).year;
    for (let year = first; year <= last; year++) {
      for (const h of holidayRanges(calendar, year)) {
        if (h.to > from && h.from < to)
          found.push({ from: Math.max(from, h.from), to: Math.min(to, h.to), name: h.name });
      }
    }
    return found;
  };
}
