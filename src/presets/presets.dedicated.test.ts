import { DateTime } from 'luxon';
import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { describe, expect, it } from 'vitest';
import { compileCalendar, dedicatedSupport, parsePolicy } from '../index.js';

// Every rule below quotes the line of seed 004 it comes from; `quote` checks that the line really
// is in the seed (whitespace and curly apostrophes normalised) before the test compares it.
const norm = normalizeSeedText;
const seed = readSeed('004');
function quote(line: string): string {
  expect(seed, `seed 004 should contain: ${line}`).toContain(norm(line));
  return norm(line);
}
function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

const policy = parsePolicy(dedicatedSupport);
const addOn = defined(policy.addOns['dedicated_support'], 'the dedicated_support add-on');
const allInclusive = defined(policy.plans['all_inclusive'], 'the all_inclusive plan');
const vip = defined(policy.severityScales['vip'], 'the vip scale');
const calendar = compileCalendar(defined(policy.calendars['dedicated-hours'], 'the dedicated-hours calendar'));
const bratislava = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Bratislava' }).toMillis();
/** The add-on's targets for one severity, as `metric role duration clock`. */
const targetsFor = (severity: string) =>
  addOn.targets
    .filter((t) => t.severities?.includes(severity))
    .map((t) => `${t.metric} ${t.role} ${t.duration} ${t.clock}`);

describe('dedicatedSupport preset (seed 004): source and add-on terms', () => {
  it('is a valid English-only policy whose source is the dedicated-support sheet, read on 2026-11-23', () => {
    expect(policy.id).toBe('dedicated-support');
    expect(policy.locales).toEqual(['en']);
    expect(policy.source?.readOn).toBe('2026-11-23');
    expect(norm(policy.source?.documents.join(' | ') ?? '')).toContain(quote('Availability & scope of service'));
  });

  it('the dedicated-support add-on costs 1000 EUR per month, as 100000 minor units', () => {
    quote('with an additional fee of 1000€/month.');
    expect(addOn.price).toEqual({ amountMinor: 100_000, currency: 'EUR', per: 'month' });
  });

  it('the add-on is available only on the highest plan, All-inclusive', () => {
    quote("it's only available for the highest plan (All-inclusive)");
    expect(addOn.availableOn).toEqual(['all_inclusive']);
    expect(Object.keys(policy.plans)).toEqual(['all_inclusive']);
    expect(allInclusive.rank).toBe(1);
    expect(allInclusive.label.en).toBe('All-inclusive');
  });

  it("the add-on's VIP targets replace the plan's, on the add-on's own 1–5 severity scale", () => {
    quote('VIP SLA response times');
    expect(addOn.replacesTargets).toBe(true);
    expect(addOn.severityScale).toBe('vip');
    expect(allInclusive.targets).toEqual([]); // the sheet states no target for the plan alone
  });

  it('a named dedicated agent, and priority routing to second-level agents', () => {
    quote("You'll have a dedicated support agent, who you'll know by name, dedicated to you and your business");
    quote(
      "we'll immediately route you to a 2nd level technical agent who has experience handling complex technical issues.",
    );
    expect(addOn.routing).toEqual({ dedicatedAgent: true, secondLevelAgents: true });
    expect(addOn.features?.map((f) => f.id)).toEqual(['named-agent', 'review-calls', 'kept-in-the-loop']);
  });

  it('the only account type is a customer on the highest plan, served by the vendor', () => {
    expect(Object.keys(policy.accountTypes)).toEqual(['customer']);
    expect(policy.accountTypes['customer']).toMatchObject({
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      requiresPartner: false,
    });
  });
});

describe('dedicatedSupport preset: clocks and channels (SPEC §1–2)', () => {
  it('dedicated hours are 09:00–17:00 Monday to Friday in Europe/Bratislava ("CET" read as an IANA zone)', () => {
    quote('Dedicated chat support from 9:00 A.M. to 5:00 P.M. CET Monday – Friday');
    quote('Dedicated email support from 9:00 A.M. to 5:00 P.M. CET Monday – Friday');
    expect(calendar.zone).toBe('Europe/Bratislava');
    expect(calendar.isOpen(bratislava('2026-11-30T08:59:59.999'))).toBe(false);
    expect(calendar.isOpen(bratislava('2026-11-30T09:00'))).toBe(true);
    expect(calendar.isOpen(bratislava('2026-11-30T16:59:59.999'))).toBe(true);
    expect(calendar.isOpen(bratislava('2026-11-30T17:00'))).toBe(false);
    expect(calendar.isOpen(bratislava('2026-12-04T12:00'))).toBe(true); // Friday
    expect(calendar.isOpen(bratislava('2026-11-28T12:00'))).toBe(false); // Saturday
    expect(calendar.isOpen(bratislava('2026-11-29T12:00'))).toBe(false); // Sunday
    expect(calendar.isOpen(Date.UTC(2026, 5, 1, 7, 0))).toBe(true); // summer time: 09:00 CEST
  });

  it('the sheet names no holidays, so the dedicated hours exclude none', () => {
    expect(calendar.holidaysIn(2026)).toEqual([]);
    expect(calendar.isOpen(bratislava('2026-12-25T10:00'))).toBe(true);
    expect(calendar.isOpen(bratislava('2026-04-03T10:00'))).toBe(true);
  });

  it('24/7 website chat and standard email support remain, on the plan, on the 24/7 clock', () => {
    quote('Apart from 24/7 chat support on our website and standard email support, you will gain:');
    expect(allInclusive.channels.map((c) => `${c.channel} ${c.clock}`)).toEqual(['website_chat 24/7', 'email 24/7']);
  });

  it('dedicated chat, email and booked calls run on the dedicated hours; out-of-hours notes are kept', () => {
    quote('You will also have access to their calendar and be able to schedule a call with them.');
    quote('Calls received out of office hours will be forwarded to a voicemail');
    quote(
      'We will collect emails received outside of office hours; however, we can guarantee no action until the next working day.',
    );
    expect(addOn.channels.map((c) => `${c.channel} ${c.clock}`)).toEqual([
      'dedicated_chat dedicated-hours',
      'dedicated_email dedicated-hours',
      'call dedicated-hours',
    ]);
    expect(addOn.channels[1]?.note?.en).toContain('no action is guaranteed until the next working day');
    expect(addOn.channels[2]?.note?.en).toContain('forwarded to a voicemail');
  });
});

describe('dedicatedSupport preset: VIP severities (SPEC §2–3)', () => {
  it('five severities, most severe first, labelled as in the sheet', () => {
    for (const label of [
      'Severity 1 Critical',
      'Severity 2 High',
      'Severity 3 Standard',
      'Severity 4 Bugfix',
      'Severity 5 Request',
    ])
      quote(label);
    expect(vip.levels.map((l) => [l.id, l.rank, l.label.en])).toEqual([
      ['sev1', 1, 'Severity 1 Critical'],
      ['sev2', 2, 'Severity 2 High'],
      ['sev3', 3, 'Severity 3 Standard'],
      ['sev4', 4, 'Severity 4 Bugfix'],
      ['sev5', 5, 'Severity 5 Request'],
    ]);
  });

  it.each([
    [
      'sev1',
      'Service is down or unavailable. The situation halts customer business operations, and no procedural workaround exists.',
    ],
    [
      'sev2',
      'Significant performance degradation. Cloud services are operational but exhibit highly degraded performance to the point of significant impact on usage.',
    ],
    [
      'sev3',
      'A partial loss of cloud services with an impact on customer business. For example, new emails are not being fetched, or a specific integration is not working.',
    ],
    ['sev5', 'Request for a setup consultation, new feature suggestion, or any other question for our support.'],
  ])('%s: its definition and only criterion are the sheet sentence, word for word', (id, line) => {
    const level = defined(
      vip.levels.find((l) => l.id === id),
      id,
    );
    expect(norm(level.definition?.en ?? '')).toBe(quote(line));
    expect(level.criteria.map((c) => [c.id, norm(c.text.en)])).toEqual([[`${id}.definition`, norm(line)]]);
  });

  it('sev4: its definition and example are the sheet sentences', () => {
    quote('Inquiry regarding a bug (a non-critical issue).');
    quote('when using LiveAgent (e.g., a specific rule condition does not work or similar)');
    const level = defined(
      vip.levels.find((l) => l.id === 'sev4'),
      'sev4',
    );
    expect(level.definition?.en).toBe('Inquiry regarding a bug (a non-critical issue).');
    expect(level.examples?.map((e) => e.en)).toEqual([
      'You’re experiencing a specific malfunction when using LiveAgent (e.g., a specific rule condition does not work or similar).',
    ]);
    expect(level.criteria.map((c) => c.when.requestType)).toEqual([['bug', 'incident']]);
  });

  it('sev2: "Cloud services are operational", so a service that is down is beyond it (unless), not Severity 2 literally', () => {
    quote('Cloud services are operational but exhibit highly degraded performance');
    quote('Service is down or unavailable.');
    const [criterion] = defined(
      vip.levels.find((l) => l.id === 'sev2'),
      'sev2',
    ).criteria;
    expect([criterion?.when, criterion?.unless]).toEqual([{ service: ['degraded', 'down'] }, { service: ['down'] }]);
    // No other level excludes anything: their sentences fit whatever worse facts come with them.
    expect(vip.levels.flatMap((l) => l.criteria).filter((c) => c.unless !== undefined)).toEqual([criterion]);
  });
});

describe('dedicatedSupport preset: VIP SLA targets (SPEC §2)', () => {
  it.each(['sev1', 'sev2'])(
    '%s: first response within 1 hour, then a periodic update at most every 4 hours, on the 24/7 clock',
    (id) => {
      // While the service is down the agents work on it: the customer hears from them at most 4
      // hours after their last update until the ticket is solved — a periodic update (each agent
      // reply ends a cycle and opens the next), not a reply to each customer message (follow-up).
      quote(
        '1 hour or less. | 4 hours or less. Support agents will work with our admins to restore the service as soon as possible.',
      );
      expect(targetsFor(id)).toEqual(['firstResponse target PT1H 24/7', 'periodicUpdate target PT4H 24/7']);
      const update = addOn.targets.find((t) => t.metric === 'periodicUpdate' && t.severities?.includes(id));
      expect(update?.pauseOn).toBeUndefined(); // waiting on the customer does not pause it; solved stops it
      expect(norm(update?.note?.en ?? '')).toBe(
        quote('Support agents will work with our admins to restore the service as soon as possible.'),
      );
    },
  );

  it('sev3: first response within 2 business hours and follow-up within 2 business days, on the dedicated hours', () => {
    quote('2 business hours or less.');
    quote('2 business days or less Your dedicated agent will handle all communication and keep you in the loop.');
    expect(targetsFor('sev3')).toEqual([
      'firstResponse target PT2H dedicated-hours',
      'firstResponse typical PT1H dedicated-hours',
      'followUp target P2D dedicated-hours',
    ]);
  });

  it('sev3 is also kept in the loop: the follow-up carries the sentence, and the add-on feature names Severity 3', () => {
    // "Keep you in the loop" sets no figure of its own: the measured commitment stays the
    // 2-business-day follow-up (SPEC §2 reads only Severities 1–2 as periodic updates), and the
    // sentence is kept as the follow-up's note and in the add-on's kept-in-the-loop feature.
    const loop = quote('Your dedicated agent will handle all communication and keep you in the loop.');
    const followUp = addOn.targets.find((t) => t.metric === 'followUp' && t.severities?.includes('sev3'));
    expect(norm(followUp?.note?.en ?? '')).toBe(loop);
    expect(addOn.targets.filter((t) => t.metric === 'periodicUpdate').map((t) => t.severities)).toEqual([
      ['sev1', 'sev2'],
    ]);
    const feature = addOn.features?.find((f) => f.id === 'kept-in-the-loop');
    expect(feature?.text.en).toBe(
      'For Severity 3, 4 and 5 the dedicated agent handles all communication and keeps you in the loop.',
    );
  });

  it.each(['sev4', 'sev5'])(
    '%s: first response within 1 business day on the dedicated hours, no follow-up target',
    (id) => {
      quote('1 business day or less Your dedicated agent will contact you within 24 hours, typically right away.');
      quote('1 business day or less. Your dedicated agent will contact you within 24 hours, typically right away.');
      quote('Your dedicated agent will handle all communication and keep you in the loop. |');
      expect(targetsFor(id)).toEqual(['firstResponse target P1D dedicated-hours', 'firstResponse typical PT24H 24/7']);
    },
  );

  it('"typically right away" figures are informational (typical), never targets, and carry the sheet wording', () => {
    quote('Your dedicated agent will initiate contact within 1-2 hours, typically right away.');
    quote('Your dedicated agent will contact you within 24 hours, typically right away.');
    const typical = addOn.targets.filter((t) => t.role === 'typical');
    expect(typical.map((t) => [t.severities, t.duration, t.note?.en])).toEqual([
      [['sev3'], 'PT1H', 'Your dedicated agent will initiate contact within 1-2 hours, typically right away.'],
      [['sev4', 'sev5'], 'PT24H', 'Your dedicated agent will contact you within 24 hours, typically right away.'],
    ]);
  });

  it('every add-on target names its severities, and every severity has exactly one first-response target', () => {
    expect(addOn.targets.every((t) => t.severities !== undefined && t.severities.length > 0)).toBe(true);
    for (const { id } of vip.levels) {
      expect(
        addOn.targets.filter((t) => t.role === 'target' && t.metric === 'firstResponse' && t.severities?.includes(id)),
      ).toHaveLength(1);
    }
  });
});
