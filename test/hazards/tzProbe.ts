import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { type BusinessCalendar, compileCalendar, spainNationalHolidays } from '../../src/index.js';

/**
 * Computes a fixed list of calendar answers, for test/hazards/timezoneIndependence.test.ts. Run as
 * a script (`node --import tsx test/hazards/tzProbe.ts`, with TZ set) it prints them as JSON with
 * the machine zone it ran in; imported, it just returns them.
 */

const HOUR = 3_600_000;
const weekdays = (...pairs: [string, string][]) => ({ 1: pairs, 2: pairs, 3: pairs, 4: pairs, 5: pairs });

const calendars: Record<string, BusinessCalendar> = {
  madrid: compileCalendar({
    zone: 'Europe/Madrid',
    week: { ...weekdays(['08:00', '18:00']), 7: [['01:00', '03:30']] },
    holidays: [spainNationalHolidays],
    overrides: { '2026-12-24': { open: [['09:00', '13:00']] } },
  }),
  // Chile changes offset at midnight: 2026-04-05 00:00 → 04-04 23:00, 2026-09-06 00:00 → 01:00.
  santiago: compileCalendar({
    zone: 'America/Santiago',
    week: { ...weekdays(['09:00', '18:00']), 6: [['22:00', '02:00']], 7: [['02:00', '24:00']] },
    holidays: [{ kind: 'date', date: '2026-09-18', name: 'Fiestas Patrias' }],
  }),
  // Lord Howe shifts by 30 minutes at 02:00 local.
  lordHowe: compileCalendar({
    zone: 'Australia/Lord_Howe',
    week: { ...weekdays(['08:30', '17:00']), 7: [['01:00', '03:00']] },
    holidays: [{ kind: 'easter', offsetDays: -2, name: 'Good Friday' }],
  }),
};

/** Instants around each zone's 2026 offset changes and ordinary weekdays, some off the minute. */
const instants = [
  '2026-03-28T23:00:00.000Z',
  '2026-03-29T00:59:59.999Z',
  '2026-10-25T00:30:00.000Z',
  '2026-12-23T16:59:00.000Z',
  '2026-04-04T22:00:00.000Z',
  '2026-04-05T03:00:00.000Z',
  '2026-09-05T23:30:00.000Z',
  '2026-09-06T04:00:00.000Z',
  '2026-04-04T14:30:00.000Z',
  '2026-04-04T15:00:00.000Z',
  '2026-10-03T15:15:00.000Z',
  '2026-10-03T16:00:00.000Z',
  '2026-01-02T18:00:00.000Z',
  '2026-01-05T09:00:00.001Z',
  '2026-07-15T12:34:56.789Z',
  '2027-02-28T21:00:00.000Z',
].map((iso) => Date.parse(iso));

export function probeResults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, cal] of Object.entries(calendars)) {
    for (const t of instants) {
      const key = `${name}@${new Date(t).toISOString()}`;
      const asDate = new Date(t);
      const asMachineDateTime = DateTime.fromMillis(t); // in the machine zone: only the instant may be compared
      const asTokyoDateTime = DateTime.fromMillis(t, { zone: 'Asia/Tokyo' });
      out[`${key} isOpen`] = cal.isOpen(t);
      out[`${key} nextOpening`] = cal.nextOpening(t);
      out[`${key} nextClosing`] = cal.nextClosing(asDate).toISOString();
      out[`${key} add 90m`] = cal.add(t, 1.5 * HOUR);
      out[`${key} add 26h`] = cal.add(asDate, 26 * HOUR).toISOString();
      out[`${key} subtract 5h`] = cal.subtract(t, 5 * HOUR);
      out[`${key} between 3d`] = cal.between(asDate, t + 72 * HOUR);
      out[`${key} addBusinessDays 1`] = cal.addBusinessDays(t, 1);
      out[`${key} addBusinessDays 3 (Date)`] = cal.addBusinessDays(asDate, 3).toISOString();
      const machine = cal.addBusinessDays(asMachineDateTime, 2);
      out[`${key} addBusinessDays 2 (machine DateTime)`] = [
        machine.toMillis(),
        machine.zoneName === asMachineDateTime.zoneName,
      ];
      out[`${key} add 10h (Tokyo DateTime)`] = cal.add(asTokyoDateTime, 10 * HOUR).toISO();
      out[`${key} openIntervals 2d`] = cal
        .openIntervals(asDate, t + 48 * HOUR)
        .map((p) => `${p.start.toISOString()}/${p.end.toISOString()}`);
    }
    out[`${name} holidays 2026`] = cal.holidaysIn(2026).map((h) => h.date);
  }
  return out;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // The machine's UTC offset on 2026-01-15, in minutes east (Date reports it west, hence the sign).
  const machineOffset = -new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
  process.stdout.write(JSON.stringify({ machineOffset, results: probeResults() }));
}
