/**
 * Adapters for the competing libraries, each configured for the workload as far as it can express
 * it. All three are CommonJS; they are loaded with `createRequire` so that the plugin and the
 * library it patches are the same module instance (luxon's CommonJS build is a different copy from
 * the ES build that support-policy imports, so luxon-business-days never touches it).
 *
 * moment-business-time and dayjs-business-time compute in the process's local zone only; the
 * benchmark runs in a child process with TZ=Europe/Madrid so that their local zone is Madrid.
 * Every adapter takes and returns epoch ms: the conversions are part of the measured call.
 */
import { createRequire } from 'node:module';
import type { BinaryOp } from './harness.js';
import { CLOSE, OPEN, type Op, ZONE } from './workload.js';

const require = createRequire(import.meta.url);

export interface Competitor {
  readonly name: string;
  readonly version: string;
  /** Per operation: the call, or the reason the library cannot express it. */
  readonly ops: Readonly<Record<Op, BinaryOp | string>>;
}

const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

// ---- moment-business-time -------------------------------------------------------------------

interface MomentBT {
  valueOf(): number;
  addWorkingTime(n: number, unit: string): MomentBT;
  workingDiff(other: MomentBT, unit: string): number;
}
interface MomentBTFactory {
  (ms: number): MomentBT;
  locale(): string;
  updateLocale(name: string, data: object): unknown;
}

export function momentBusinessTime(holidays: readonly string[]): Competitor {
  const moment = require('moment-business-time') as MomentBTFactory;
  const hours = [`${OPEN}:00`, `${CLOSE}:00`];
  moment.updateLocale(moment.locale(), {
    workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null },
    holidays: [...holidays],
  });
  return {
    name: 'moment-business-time',
    version: version('moment-business-time'),
    ops: {
      'add 2 h': (a) => moment(a).addWorkingTime(2, 'hours').valueOf(),
      'add 12 h': (a) => moment(a).addWorkingTime(12, 'hours').valueOf(),
      'add 3 business days': (a) => moment(a).addWorkingTime(3, 'days').valueOf(),
      'between (long pairs)': (a, b) => moment(b).workingDiff(moment(a), 'milliseconds'),
      'between (≤ 7 d pairs)': (a, b) => moment(b).workingDiff(moment(a), 'milliseconds'),
    },
  };
}

// ---- dayjs-business-time --------------------------------------------------------------------

interface DayjsBT {
  valueOf(): number;
  addBusinessMinutes(n: number): DayjsBT;
  addBusinessDays(n: number): DayjsBT;
  businessMinutesDiff(other: DayjsBT): number;
}
interface DayjsBTFactory {
  (ms: number): DayjsBT;
  extend(plugin: unknown): unknown;
  setBusinessTime(map: object): void;
  setHolidays(dates: string[]): void;
}

export function dayjsBusinessTime(holidays: readonly string[]): Competitor {
  const dayjs = require('dayjs') as DayjsBTFactory;
  dayjs.extend(require('dayjs-business-time'));
  const hours = [{ start: `${OPEN}:00`, end: `${CLOSE}:00` }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
    saturday: null,
  });
  dayjs.setHolidays([...holidays]);
  // Business time is counted in whole minutes; the diff is returned in minutes.
  return {
    name: 'dayjs-business-time',
    version: version('dayjs-business-time'),
    ops: {
      'add 2 h': (a) => dayjs(a).addBusinessMinutes(120).valueOf(),
      'add 12 h': (a) => dayjs(a).addBusinessMinutes(720).valueOf(),
      'add 3 business days': (a) => dayjs(a).addBusinessDays(3).valueOf(),
      'between (long pairs)': (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * 60_000,
      'between (≤ 7 d pairs)': (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * 60_000,
    },
  };
}

// ---- luxon-business-days --------------------------------------------------------------------

interface LuxonBD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  toMillis(): number;
  plusBusiness(o: { days: number }): LuxonBD;
  setupBusiness(o: { businessDays: number[]; holidayMatchers: ((d: LuxonBD) => boolean)[] }): void;
}
interface LuxonBDModule {
  DateTime: { fromMillis(ms: number, o: { zone: string }): LuxonBD };
}

export function luxonBusinessDays(holidays: readonly string[]): Competitor {
  const { DateTime } = require('luxon-business-days') as LuxonBDModule;
  // A matcher is called for each candidate day: compare a numeric key, not a formatted string.
  const keys = new Set(holidays.map((d) => Number(d.replaceAll('-', ''))));
  const isSpanishHoliday = (d: LuxonBD) => keys.has(d.year * 10_000 + d.month * 100 + d.day);
  DateTime.fromMillis(0, { zone: ZONE }).setupBusiness({
    businessDays: [1, 2, 3, 4, 5],
    holidayMatchers: [isSpanishHoliday],
  });
  const noHours = 'business days only: no working hours, so no business-time arithmetic';
  return {
    name: 'luxon-business-days',
    version: version('luxon-business-days'),
    ops: {
      'add 2 h': noHours,
      'add 12 h': noHours,
      // Keeps the wall-clock time and steps whole local days, skipping weekends and holidays.
      'add 3 business days': (a) => DateTime.fromMillis(a, { zone: ZONE }).plusBusiness({ days: 3 }).toMillis(),
      'between (long pairs)': 'no difference function at all (only plusBusiness / minusBusiness)',
      'between (≤ 7 d pairs)': 'no difference function at all (only plusBusiness / minusBusiness)',
    },
  };
}
