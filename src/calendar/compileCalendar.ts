import { PolicyValidationError } from '../errors.js';
import { ownJsonCopy, scanUntrustedJson } from '../internal/guards.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { toValidationIssues } from '../internal/zodIssues.js';
import { BusinessCalendar } from './BusinessCalendar.js';
import { toCalendarModel } from './model.js';
import { type CalendarDefinition, CalendarDefinitionSchema } from './schema.js';
import { CalendarTables } from './tables.js';

/**
 * Validates a calendar definition and compiles it into an immutable {@link BusinessCalendar}.
 *
 * @remarks
 * The definition is plain JSON: an IANA `zone`; a weekly schedule `week` keyed by ISO weekday
 * (`"1"` Monday … `"7"` Sunday) of `[opening, closing]` wall times (`"HH:MM"`; a closing at or
 * before its opening runs past midnight, `"24:00"` closes at the next midnight); `holidays` (rules
 * and named sets of rules: `fixed`, `easter`, `nthWeekday`, `date`, `range`); `holidayExceptions`
 * (dates on which no holiday applies); `overrides` (dates whose intervals replace the weekly
 * ones, `open: []` for closed); and `overrideRules` (the same, for every date a rule names:
 * `fixed`, `nthWeekday`, `easter`, `range`). On any date a dated override wins over a holiday, a
 * holiday over an override rule (the first listed naming the date), and a rule over the weekly
 * schedule.
 *
 * The standard support preset follows the source's "Business hours: Regional hours of operation
 * excluding national holidays. 08:00 AM to 06:00 PM CET."
 *
 * Every problem is reported at once, each with its path. Input is checked before validation for
 * prototype keys (`__proto__`, `constructor`, `prototype`), non-plain objects and excessive size
 * or depth.
 *
 * @param definition - a {@link CalendarDefinition}, typically parsed from JSON
 * @returns a frozen {@link BusinessCalendar}
 * @throws {@link PolicyValidationError} with codes `invalid_zone`, `invalid_time`, `invalid_date`,
 *   `overlapping_intervals`, `forbidden_key`, `input_too_large` or `invalid_definition`
 *
 * @example
 * ```ts
 * import { compileCalendar } from 'support-policy';
 * const cal = compileCalendar({
 *   zone: 'Europe/Madrid',
 *   week: { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']] },
 *   holidays: [{ kind: 'fixed', month: 1, day: 6, name: 'Epiphany' }],
 *   overrides: { '2026-01-05': { open: [['09:00', '13:00']], name: 'Inventory day' } },
 * });
 * cal.isOpen(new Date('2026-01-05T13:00:00Z')); //=> false
 * cal.isOpen(new Date('2026-01-06T10:00:00Z')); //=> false
 * cal.isOpen(new Date('2026-01-13T10:00:00Z')); //=> true
 * ```
 * @category Calendar
 */
export function compileCalendar(definition: CalendarDefinition): BusinessCalendar {
  const scanned = scanUntrustedJson(definition);
  if (scanned.length > 0) throw new PolicyValidationError(scanned, 'calendar definition');
  const parsed = CalendarDefinitionSchema.safeParse(ownJsonCopy(definition), { reportInput: true });
  if (!parsed.success) throw new PolicyValidationError(toValidationIssues(parsed.error), 'calendar definition');
  return compileValidCalendar(deepFreeze(parsed.data) as CalendarDefinition);
}

/**
 * Compiles a definition that {@link CalendarDefinitionSchema} has already validated and that is
 * frozen, such as a calendar of a parsed policy: checking it again would only repeat the work.
 * @internal
 */
export function compileValidCalendar(definition: CalendarDefinition): BusinessCalendar {
  return new BusinessCalendar(definition, new CalendarTables(toCalendarModel(definition)));
}
