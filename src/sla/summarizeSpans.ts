import { localTime, startOfDay } from '../calendar/localTime.js';
import { isoWeekday } from '../internal/civil.js';
import { dayLabel, formatDuration, type Language, languageOf, WORDS, type Words } from './reasonWords.js';
import type { SlaSpan } from './types.js';

/** What an explanation's spans say about a deadline, before it is put in words. */
interface Reasons {
  /** Holidays by name, in time order, each with its first and last instant counted. */
  readonly holidays: { name: string; from: number; to: number }[];
  nights: number;
  weekends: number;
  closedDays: number;
  /** Closed time within one local day (before opening, breaks, after closing) that crosses no midnight. */
  outsideMs: number;
  /** Paused time per status, in the order first met. */
  readonly paused: Map<string, number>;
  solvedMs: number;
}

/** At most this many holidays are named; the rest are counted. */
const NAMED_HOLIDAYS = 3;

/**
 * The spans that stand between a target's start and its due instant: those of the clock's life up to
 * its stop (or `now`) and its projected way to the due instant, each clipped to `[startedAt, dueAt]`
 * (to the last span's end while the clock is paused and has no due instant).
 */
function spansToDue(
  spans: readonly SlaSpan[],
  startedAt: number,
  dueAt: number | null,
  stoppedAt: number | null,
): SlaSpan[] {
  const end = dueAt ?? spans.reduce((last, s) => Math.max(last, s.to), startedAt);
  const pastEnd = Math.min(end, stoppedAt ?? end);
  const out: SlaSpan[] = [];
  for (const s of spans) {
    const from = Math.max(s.from, startedAt);
    const to = Math.min(s.to, s.projected ? end : pastEnd);
    if (from < to) out.push({ ...s, from, to });
  }
  return out;
}

/**
 * Reads one closure — consecutive closed and holiday spans, `[a, b)` — day by day in the zone: whole
 * local days that are not holidays are weekends (Saturdays and Sundays) or closed days; every
 * midnight inside the closure that does not border such a day is a night; a closure within one day
 * is time outside hours.
 */
function readClosure(closure: readonly SlaSpan[], zone: string, r: Reasons): void {
  const a = closure[0]!.from;
  const b = closure[closure.length - 1]!.to;
  const holidays = closure.filter((s) => s.kind === 'holiday');
  for (const h of holidays) {
    const last = r.holidays[r.holidays.length - 1];
    if (last !== undefined && last.name === h.holiday && last.to === h.from) last.to = h.to;
    else r.holidays.push({ name: h.holiday ?? '', from: h.from, to: h.to });
  }
  // Each local day the closure touches: whether it is whole, and whether a holiday covers it.
  const days: { start: number; whole: boolean; closedDay: boolean; weekend: boolean }[] = [];
  for (let day = localTime(a, zone).days, start = startOfDay(day, zone); start < b; day++) {
    const end = startOfDay(day + 1, zone);
    const whole = start >= a && end <= b;
    const holiday = holidays.some((h) => h.from < end && h.to > start);
    // A date the zone skipped (Pacific/Apia's 30 December 2011) has no instant: no day to read.
    if (end > start) days.push({ start, whole, closedDay: whole && !holiday, weekend: isoWeekday(day) >= 6 });
    start = end;
  }
  // Every day after the first begins at a midnight inside the closure.
  for (let i = 1; i < days.length; i++) if (!days[i - 1]!.closedDay && !days[i]!.closedDay) r.nights++;
  for (let i = 0; i < days.length; i++) {
    if (!days[i]!.closedDay || days[i - 1]?.closedDay === true) continue;
    let j = i;
    while (days[j + 1]?.closedDay === true) j++;
    const run = days.slice(i, j + 1);
    if (run.every((d) => d.weekend)) r.weekends++;
    else r.closedDays += run.length;
  }
  if (days.length === 1) {
    for (const s of closure) if (s.kind === 'closed') r.outsideMs += s.to - s.from;
  }
}

function readReasons(spans: readonly SlaSpan[], zone: string): Reasons {
  const r: Reasons = {
    holidays: [],
    nights: 0,
    weekends: 0,
    closedDays: 0,
    outsideMs: 0,
    paused: new Map(),
    solvedMs: 0,
  };
  let closure: SlaSpan[] = [];
  const endClosure = () => {
    if (closure.length > 0) readClosure(closure, zone, r);
    closure = [];
  };
  for (const s of spans) {
    if (s.kind === 'closed' || s.kind === 'holiday') {
      if (closure.length > 0 && closure[closure.length - 1]!.to !== s.from) endClosure();
      closure.push(s);
      continue;
    }
    endClosure();
    if (s.kind === 'paused') r.paused.set(s.status ?? '', (r.paused.get(s.status ?? '') ?? 0) + (s.to - s.from));
    else if (s.kind === 'solved') r.solvedMs += s.to - s.from;
  }
  endClosure();
  return r;
}

function inWords(r: Reasons, zone: string, words: Words): string {
  const parts: string[] = [];
  for (const h of r.holidays.slice(0, NAMED_HOLIDAYS)) {
    const first = dayLabel(h.from, zone, words);
    const last = dayLabel(h.to - 1, zone, words);
    parts.push(words.holiday(h.name, first === last ? first : `${first} – ${last}`));
  }
  if (r.holidays.length > NAMED_HOLIDAYS) parts.push(words.moreHolidays(r.holidays.length - NAMED_HOLIDAYS));
  if (r.nights > 0) parts.push(words.nights(r.nights));
  if (r.weekends > 0) parts.push(words.weekends(r.weekends));
  if (r.closedDays > 0) parts.push(words.closedDays(r.closedDays));
  if (r.outsideMs > 0) parts.push(words.outsideHours(formatDuration(r.outsideMs)));
  for (const [status, ms] of r.paused) parts.push(words.paused(formatDuration(ms), status));
  if (r.solvedMs > 0) parts.push(words.solved(formatDuration(r.solvedMs)));
  return parts.length === 0 ? words.nothing : parts.join('; ');
}

/**
 * What put a target's due instant past its start plus its duration, in a few words per locale:
 * the holidays by name, the nights, weekends and other closed days, closed hours within a day,
 * the pauses by status and the solved stretches between the start and the due instant (or the
 * last span, while paused). `zone` names the days (the target's calendar's; `null` on the 24/7
 * clock, which closes no day). Locales whose language the library does not write are left out.
 * @internal
 */
export function summarizeSpans(
  spans: readonly SlaSpan[],
  target: { readonly startedAt: number; readonly dueAt: number | null; readonly stoppedAt: number | null },
  zone: string | null,
  locales: readonly string[],
): Readonly<Record<string, string>> {
  const z = zone ?? 'UTC';
  const reasons = readReasons(spansToDue(spans, target.startedAt, target.dueAt, target.stoppedAt), z);
  const byLanguage = new Map<Language, string>();
  const out: Record<string, string> = {};
  for (const locale of locales) {
    const language = languageOf(locale);
    if (language === undefined) continue;
    let text = byLanguage.get(language);
    if (text === undefined) {
      text = inWords(reasons, z, WORDS[language]);
      byLanguage.set(language, text);
    }
    out[locale] = text;
  }
  return Object.freeze(out);
}
