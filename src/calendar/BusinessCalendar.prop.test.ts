import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alwaysOpenArb,
  DAY,
  durationArb,
  HOUR,
  instantArb,
  type Scenario,
  scenarioArb,
} from '../../test/arbitraries/calendar.js';
import {
  MinuteSimulator,
  offsetChanges,
  SIMULATED_RANGE,
  SimulatorRangeError,
} from '../../test/reference/minuteSimulator.js';
import { type BusinessCalendar, CalculationError, type CalendarDefinition, compileCalendar } from '../index.js';
import { addIo } from './add.js';
import { businessDaysIo } from './addBusinessDays.js';
import { betweenIo } from './between.js';
import { calendarTables } from './BusinessCalendar.js';

/**
 * Invariants of business-time arithmetic on random calendars (random weekly schedules, holidays
 * and overrides, in zones with awkward DST), and a differential test of the engine against the
 * minute simulator in test/reference/, which proves it ran by counting the hazards it crossed.
 */

const RUNS = 40; // per invariant; each run checks 5 cases on one calendar
const DIFF_RUNS = 50; // per differential test, also 5 cases per run
const CASES_PER_RUN = 5;

const compiled = new WeakMap<CalendarDefinition, BusinessCalendar>();
function calendarOf(def: CalendarDefinition): BusinessCalendar {
  let cal = compiled.get(def);
  if (!cal) compiled.set(def, (cal = compileCalendar(def)));
  return cal;
}

interface Case {
  readonly s: Scenario;
  readonly cal: BusinessCalendar;
  readonly t: number;
  readonly u: number;
  readonly v: number;
  readonly d: number;
  readonly e: number;
  readonly n: number;
}

/** Several cases on one random calendar: compiling a calendar costs more than checking a case. */
const casesOn = (scenarios: fc.Arbitrary<Scenario>) =>
  scenarios.chain((s) => {
    const point = fc.record({
      t: instantArb(s),
      u: instantArb(s),
      v: instantArb(s),
      d: durationArb,
      e: durationArb,
      n: fc.nat(6),
    });
    return fc.array(point, { minLength: CASES_PER_RUN, maxLength: CASES_PER_RUN }).map((points) => ({ s, points }));
  });

const casesArb = casesOn(scenarioArb());
/** For the differential tests, also calendars that only overrides open, or nothing does. */
const anyCasesArb = casesOn(scenarioArb({ weekless: true }));

/** Asserts `check` on every case of `numRuns` random calendars. */
const forAll = (check: (c: Case) => void, numRuns = RUNS, arb = casesArb) =>
  fc.assert(
    fc.property(arb, ({ s, points }) => {
      const cal = calendarOf(s.def);
      for (const p of points) check({ s, cal, ...p });
    }),
    { numRuns },
  );

describe('business-time arithmetic on random calendars', () => {
  it('add(t, 0) = t', () => forAll(({ cal, t }) => expect(cal.add(t, 0)).toBe(t)));

  it('between(t, add(t, d)) = d', () => forAll(({ cal, t, d }) => expect(cal.between(t, cal.add(t, d))).toBe(d)));

  it('add is monotone in the start: t ≤ u ⇒ add(t, d) ≤ add(u, d)', () =>
    forAll(({ cal, t, u, d }) => {
      const [a, b] = t <= u ? [t, u] : [u, t];
      expect(cal.add(a, d)).toBeLessThanOrEqual(cal.add(b, d));
    }));

  it('add is monotone in the duration: d ≤ e ⇒ add(t, d) ≤ add(t, e)', () =>
    forAll(({ cal, t, d, e }) => {
      const [a, b] = d <= e ? [d, e] : [e, d];
      expect(cal.add(t, a)).toBeLessThanOrEqual(cal.add(t, b));
    }));

  it('add(add(t, a), b) = add(t, a + b)', () =>
    forAll(({ cal, t, d, e }) => expect(cal.add(cal.add(t, d), e)).toBe(cal.add(t, d + e))));

  it('subtract(add(t, d), d) = t when t is open', () =>
    forAll(({ cal, t, d }) => {
      const open = cal.nextOpening(t); // an open instant near t
      expect(cal.subtract(cal.add(open, d), d)).toBe(open);
    }));

  it('subtract(t, d) ≤ t and between(subtract(t, d), t) = d', () =>
    forAll(({ cal, t, d }) => {
      const x = cal.subtract(t, d);
      expect(x).toBeLessThanOrEqual(t);
      expect(cal.between(x, t)).toBe(d);
    }));

  it('a 24/7 calendar in any zone: add(t, d) = t + d and between(a, b) = b − a', () =>
    fc.assert(
      fc.property(
        alwaysOpenArb,
        fc.array(
          fc.tuple(
            fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
            durationArb,
            fc.integer({ min: -5 * DAY, max: 5 * DAY }),
          ),
          {
            minLength: CASES_PER_RUN,
            maxLength: CASES_PER_RUN,
          },
        ),
        (def, points) => {
          const cal = calendarOf(def);
          for (const [t, d, k] of points) {
            expect(cal.add(t, d)).toBe(t + d);
            expect(cal.subtract(t, d)).toBe(t - d);
            expect(cal.between(t, t + k)).toBe(k);
            expect(cal.isOpen(t)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    ));

  it('between(a, c) = between(a, b) + between(b, c), whatever the order of a, b, c', () =>
    forAll(({ cal, t, u, v }) => expect(cal.between(t, v)).toBe(cal.between(t, u) + cal.between(u, v))));

  it('between(a, b) = −between(b, a), and is never −0', () =>
    forAll(({ cal, t, u }) => {
      const ab = cal.between(t, u);
      expect(ab).toBe(0 - cal.between(u, t) || 0);
      expect(Object.is(ab, -0)).toBe(false);
      expect(Object.is(cal.between(t, t), 0)).toBe(true);
    }));

  it('nextOpening(t) ≥ t, is open, and no open time lies in [t, nextOpening(t))', () =>
    forAll(({ cal, t }) => {
      const o = cal.nextOpening(t);
      expect(o).toBeGreaterThanOrEqual(t);
      expect(cal.isOpen(o)).toBe(true);
      expect(cal.between(t, o)).toBe(0);
      if (cal.isOpen(t)) expect(o).toBe(t);
    }));

  it('nextClosing(t) > t, is closed, and [nextOpening(t), nextClosing(t)) is open throughout', () =>
    forAll(({ cal, t }) => {
      const o = cal.nextOpening(t);
      const c = cal.nextClosing(t);
      expect(c).toBeGreaterThan(t);
      expect(c).toBeGreaterThan(o);
      expect(cal.isOpen(c)).toBe(false);
      expect(cal.isOpen(c - 1)).toBe(true);
      expect(cal.between(o, c)).toBe(c - o);
    }));

  it('the open time of n business days = between(t, addBusinessDays(t, n)), errors included', () =>
    forAll(({ cal, t, n }) => {
      const tables = calendarTables(cal);
      // Through the tables' own scratch, which the body's nested calls use too.
      const openTimeOfDays = (days: number) => {
        tables.io[0] = t;
        businessDaysIo(tables, tables.io, days, true);
        return tables.io[2]!;
      };
      const direct = outcome(() => openTimeOfDays(n));
      expect(direct).toEqual(outcome(() => cal.between(t, cal.addBusinessDays(t, n))));
      expect(outcome(() => openTimeOfDays(n + 30))).toEqual(
        outcome(() => cal.between(t, cal.addBusinessDays(t, n + 30))),
      );
    }, 3 * RUNS));

  it("the Io forms on a caller's own scratch answer as the number-taking functions do, errors included", () =>
    forAll(({ cal, t, u, d, n }) => {
      const tables = calendarTables(cal);
      // A scratch of the caller's, as the SLA engine passes: the bodies' own calls go through
      // tables.io meanwhile, which must not disturb it.
      const io = new Float64Array(3);
      const viaIo = (fill: () => void) =>
        outcome(() => {
          fill();
          return io[2]!;
        });
      expect(viaIo(() => ((io[0] = t), (io[1] = u), betweenIo(tables, io)))).toEqual(outcome(() => cal.between(t, u)));
      expect(viaIo(() => ((io[0] = t), (io[1] = d), addIo(tables, io)))).toEqual(outcome(() => cal.add(t, d)));
      for (const days of [n, n + 30]) {
        expect(viaIo(() => ((io[0] = t), businessDaysIo(tables, io, days, true)))).toEqual(
          outcome(() => cal.between(t, cal.addBusinessDays(t, days))),
        );
        expect(viaIo(() => ((io[0] = t), businessDaysIo(tables, io, days, false)))).toEqual(
          outcome(() => cal.addBusinessDays(t, days)),
        );
      }
    }));

  it('addBusinessDays(t, 0) = nextOpening(t), and addBusinessDays(t, n) ≥ nextOpening(t)', () =>
    forAll(({ cal, t, n }) => {
      expect(cal.addBusinessDays(t, 0)).toBe(cal.nextOpening(t));
      expect(cal.addBusinessDays(t, n)).toBeGreaterThanOrEqual(cal.nextOpening(t));
    }));
});

type Outcome = number | boolean | 'never_open' | 'never_closes' | 'none_simulated';

function outcome(f: () => number | boolean): Outcome {
  try {
    return f();
  } catch (e) {
    if (e instanceof SimulatorRangeError) return 'none_simulated';
    if (e instanceof CalculationError && (e.code === 'never_open' || e.code === 'never_closes')) return e.code;
    throw e;
  }
}

/**
 * The engine's answer equals the simulator's. When the simulator finds none within 2020–2035 the
 * engine must refuse (`never_open`) or answer outside that range (past it, or before it backwards).
 */
function expectAgree(engine: () => number | boolean, model: () => number | boolean): void {
  const [x, y] = [outcome(engine), outcome(model)];
  if (y !== 'none_simulated') return void expect(x).toBe(y);
  if (typeof x === 'number')
    expect(x < SIMULATED_RANGE.from || x >= SIMULATED_RANGE.to, `${x} is inside the simulated range`).toBe(true);
  else expect(x).toMatch(/^never_/);
}

const simulators = new WeakMap<CalendarDefinition, MinuteSimulator>();
function simulatorOf(s: Scenario): MinuteSimulator {
  let m = simulators.get(s.def);
  if (!m) simulators.set(s.def, (m = new MinuteSimulator(s.def)));
  return m;
}

/** Local midnights of the dates a scenario's holidays and overrides name. */
function datedMidnights(def: CalendarDefinition): number[] {
  const dates = [...Object.keys(def.overrides ?? {})];
  for (const h of (def.holidays ?? []).flatMap((r) => (r.kind === 'set' ? r.holidays : [r]))) {
    if (h.kind === 'date') dates.push(h.date);
    if (h.kind === 'range') dates.push(h.from, h.to);
  }
  return dates.map((d) => DateTime.fromISO(d, { zone: def.zone }).toMillis());
}

/** Whether `x` is an offset change of the zone: a wall time resolved by the DST rule to a transition. */
const isOffsetChange = (zone: string, x: number) => offsetChanges(zone, x, x + 1).length > 0;

/** How often the differential tests met each hazard; every count must end above zero. */
const exercised = {
  isOpenNearDstChange: 0,
  boundaryAtDstChange: 0,
  addCrossedDstChange: 0,
  addCrossedHolidayOrOverride: 0,
  addEndedAtClosing: 0,
  betweenSpannedDstChange: 0,
  businessDaysEndedAtClosing: 0,
  businessDaysKeptOffset: 0,
  neverOpenAgreed: 0,
};

describe('the engine agrees with the minute simulator (test/reference/minuteSimulator.ts)', () => {
  it('isOpen, nextOpening and nextClosing agree', () =>
    forAll(
      ({ s, cal, t }) => {
        const m = simulatorOf(s);
        expect(cal.isOpen(t)).toBe(m.isOpen(t));
        expectAgree(
          () => cal.nextOpening(t),
          () => m.nextOpening(t),
        );
        expectAgree(
          () => cal.nextClosing(t),
          () => m.nextClosing(t),
        );
        if (offsetChanges(s.def.zone, t - HOUR, t + HOUR).length > 0) exercised.isOpenNearDstChange++;
        const [o, c] = [outcome(() => cal.nextOpening(t)), outcome(() => cal.nextClosing(t))];
        if ([o, c].some((x) => typeof x === 'number' && isOffsetChange(s.def.zone, x))) exercised.boundaryAtDstChange++;
        if (o === 'never_open') exercised.neverOpenAgreed++;
      },
      DIFF_RUNS,
      anyCasesArb,
    ));

  it('add and subtract agree, and a duration ending at a closing ends there', () =>
    forAll(
      ({ s, cal, t, d }) => {
        const m = simulatorOf(s);
        expectAgree(
          () => cal.add(t, d),
          () => m.add(t, d),
        );
        expectAgree(
          () => cal.subtract(t, d),
          () => m.subtract(t, d),
        );
        const x = outcome(() => cal.add(t, d));
        if (typeof x !== 'number' || d === 0) return;
        if (offsetChanges(s.def.zone, t, x).length > 0) exercised.addCrossedDstChange++;
        if (datedMidnights(s.def).some((ms) => ms > t && ms < x)) exercised.addCrossedHolidayOrOverride++;
        const c = cal.nextClosing(t);
        const toClosing = cal.between(t, c);
        expectAgree(
          () => cal.add(t, toClosing),
          () => m.add(t, toClosing),
        );
        expect(cal.add(t, toClosing)).toBe(c);
        exercised.addEndedAtClosing++;
      },
      DIFF_RUNS,
      anyCasesArb,
    ));

  it('between and openIntervals agree', () =>
    forAll(
      ({ s, cal, t, u }) => {
        const m = simulatorOf(s);
        expect(cal.between(t, u)).toBe(m.between(t, u));
        const [a, b] = t <= u ? [t, u] : [u, t];
        const engine = cal.openIntervals(a, b).map((p) => [p.start, p.end]);
        expect(engine).toEqual(m.periods(a, b).map((p) => [p.start, p.end]));
        if (offsetChanges(s.def.zone, a, b).length > 0 && cal.between(a, b) > 0) exercised.betweenSpannedDstChange++;
        const inner = engine.flat().filter((x) => x !== a && x !== b);
        if (inner.some((x) => isOffsetChange(s.def.zone, x))) exercised.boundaryAtDstChange++;
      },
      DIFF_RUNS,
      anyCasesArb,
    ));

  it('addBusinessDays agrees', () =>
    forAll(
      ({ s, cal, t, n }) => {
        const m = simulatorOf(s);
        expectAgree(
          () => cal.addBusinessDays(t, n),
          () => m.addBusinessDays(t, n),
        );
        const x = outcome(() => cal.addBusinessDays(t, n));
        if (typeof x !== 'number' || n === 0) return;
        if (cal.isOpen(x)) exercised.businessDaysKeptOffset++;
        else exercised.businessDaysEndedAtClosing++;
      },
      DIFF_RUNS,
      anyCasesArb,
    ));

  afterAll(() => {
    // Like zod's compile-differential test: prove the comparisons met the hazards they are for.
    for (const [hazard, count] of Object.entries(exercised)) expect(count, hazard).toBeGreaterThan(0);
  });
});
