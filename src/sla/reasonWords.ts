import { localTime } from '../calendar/localTime.js';
import type { SlaSpan } from './types.js';

/**
 * The words of explanations (reason summaries and deadline pictures), in the languages the
 * library writes. Dates are spelt from these tables and the local date's numbers
 * (`calendar/localTime.ts`, whose `Intl` formatter has its locale, calendar and digits fixed),
 * never through a locale's own formatting, so nothing depends on the machine's locale or on the
 * runtime's locale data.
 * @internal
 */
export type Language = 'en' | 'es';

/** @internal */
export interface Words {
  /** Monday first (ISO weekday − 1). */
  readonly weekdays: readonly string[];
  readonly months: readonly string[];
  readonly holiday: (name: string, days: string) => string;
  readonly moreHolidays: (n: number) => string;
  readonly nights: (n: number) => string;
  readonly weekends: (n: number) => string;
  readonly closedDays: (n: number) => string;
  readonly outsideHours: (duration: string) => string;
  readonly paused: (duration: string, status: string) => string;
  readonly solved: (duration: string) => string;
  readonly nothing: string;
  /** Span kinds, for legends. */
  readonly kinds: Readonly<Record<SlaSpan['kind'], string>>;
  readonly soFar: string;
  readonly projected: string;
  readonly due: string;
  readonly warning: string;
  readonly escalation: string;
  readonly started: string;
  readonly stopped: string;
  readonly on: string;
  readonly states: Readonly<Record<'running' | 'paused' | 'achieved' | 'breached', string>>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const EN: Words = {
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  holiday: (name, days) => `${name} (${days}) closed`,
  moreHolidays: (n) => plural(n, 'more holiday', 'more holidays'),
  nights: (n) => plural(n, 'night', 'nights'),
  weekends: (n) => plural(n, 'weekend', 'weekends'),
  closedDays: (n) => plural(n, 'closed day', 'closed days'),
  outsideHours: (d) => `${d} outside hours`,
  paused: (d, status) => `paused ${d} (${status})`,
  solved: (d) => `solved ${d}`,
  nothing: 'nothing closed or paused',
  kinds: { open: 'open', closed: 'closed', holiday: 'holiday', paused: 'paused', solved: 'solved' },
  soFar: 'so far',
  projected: 'projected',
  due: 'due',
  warning: 'warning',
  escalation: 'escalation',
  started: 'started',
  stopped: 'stopped',
  on: 'on',
  states: { running: 'running', paused: 'paused', achieved: 'met', breached: 'breached' },
};

const ES: Words = {
  weekdays: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  holiday: (name, days) => `${name} (${days}) cerrado`,
  moreHolidays: (n) => plural(n, 'festivo más', 'festivos más'),
  nights: (n) => plural(n, 'noche', 'noches'),
  weekends: (n) => plural(n, 'fin de semana', 'fines de semana'),
  closedDays: (n) => plural(n, 'día cerrado', 'días cerrados'),
  outsideHours: (d) => `${d} fuera de horario`,
  paused: (d, status) => `en pausa ${d} (${status})`,
  solved: (d) => `resuelto ${d}`,
  nothing: 'nada cerrado ni en pausa',
  kinds: { open: 'abierto', closed: 'cerrado', holiday: 'festivo', paused: 'en pausa', solved: 'resuelto' },
  soFar: 'hasta ahora',
  projected: 'previsto',
  due: 'vence',
  warning: 'aviso',
  escalation: 'escalado',
  started: 'inicio',
  stopped: 'parada',
  on: 'en',
  states: { running: 'en curso', paused: 'en pausa', achieved: 'cumplido', breached: 'incumplido' },
};

/** The words of each language. @internal */
export const WORDS: Readonly<Record<Language, Words>> = { en: EN, es: ES };

/** The language the library writes for a locale tag (`es`, `es-MX` → `es`), or `undefined`. @internal */
export function languageOf(locale: string): Language | undefined {
  const primary = locale.split('-')[0]!.toLowerCase();
  return primary === 'en' || primary === 'es' ? primary : undefined;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `2 h 30 min`, `45 min`, `< 1 min`: whole minutes, rounded down. @internal */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '< 1 min';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** `Tue 6 Jan` (`mar 6 ene`): a local day, short. @internal */
export function dayLabel(ms: number, zone: string, words: Words): string {
  const d = localTime(ms, zone);
  return `${words.weekdays[d.weekday - 1]} ${d.day} ${words.months[d.month - 1]}`;
}

/** `Tue 06 Jan 2026 09:00` (`mar 06 ene 2026 09:00`): a local instant with its year. @internal */
export function dateTimeLabel(ms: number, zone: string, words: Words): string {
  const d = localTime(ms, zone);
  const date = `${words.weekdays[d.weekday - 1]} ${two(d.day)} ${words.months[d.month - 1]} ${d.year}`;
  return `${date} ${two(d.hour)}:${two(d.minute)}`;
}

/** `09:00`: a local time of day. @internal */
export function clockLabel(ms: number, zone: string): string {
  const d = localTime(ms, zone);
  return `${two(d.hour)}:${two(d.minute)}`;
}

/** `Tue 06 Jan`, or `Jan 2026` for a month: an axis label. @internal */
export function axisDayLabel(ms: number, zone: string, words: Words, month: boolean): string {
  const d = localTime(ms, zone);
  if (month) return `${words.months[d.month - 1]} ${d.year}`;
  return `${words.weekdays[d.weekday - 1]} ${two(d.day)} ${words.months[d.month - 1]}`;
}
