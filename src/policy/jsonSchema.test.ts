import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dedicatedSupport, parsePolicy, safeParsePolicy, standardSupport } from '../index.js';
import { canonicalZoneName } from '../internal/zone.js';
import { toPolicyJsonSchema } from './jsonSchema.js';
import { zoneNameSchema } from './jsonSchemaRules.js';
import { TZDB_ZONE_NAMES } from './tzdbZoneNames.js';

describe('the shipped JSON Schema of a policy', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(toPolicyJsonSchema());

  it.each([
    ['standardSupport', standardSupport],
    ['dedicatedSupport', dedicatedSupport],
  ])('accepts the %s preset, as JSON', (_, preset) => {
    const ok = validate(JSON.parse(JSON.stringify(preset)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the schema can see: an unknown field, a bad duration, a malformed time, a missing English text', () => {
    const doc = JSON.parse(JSON.stringify(standardSupport));
    doc.plans.premium.targetz = [];
    doc.plans.starter.targets[0].duration = 'P1DT2H';
    doc.calendars['support-hours'].week['1'] = [['8:00', '18:00']];
    delete doc.plans.enterprise.label.en;
    expect(validate(doc)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/plans/premium',
        '/plans/starter/targets/0/duration',
        '/calendars/support-hours/week/1/0/0',
        '/plans/enterprise/label',
      ]),
    );
  });

  type Doc = any; // a mutable deep clone of a preset
  const std = (): Doc => JSON.parse(JSON.stringify(standardSupport));
  const calendar = '/calendars/support-hours';
  it.each<[string, (p: Doc) => unknown, string, string]>([
    [
      'a fixed holiday on 30 February',
      (p) => p.calendars['support-hours'].holidays.push({ kind: 'fixed', month: 2, day: 30, name: 'x' }),
      `${calendar}/holidays/1/day`,
      'invalid_date',
    ],
    [
      'a fixed holiday on 31 April',
      (p) => p.calendars['support-hours'].holidays.push({ kind: 'fixed', month: 4, day: 31, name: 'x' }),
      `${calendar}/holidays/1/day`,
      'invalid_date',
    ],
    [
      'the date 2026-02-30',
      (p) => p.calendars['support-hours'].holidays.push({ kind: 'date', date: '2026-02-30', name: 'x' }),
      `${calendar}/holidays/1/date`,
      'invalid_date',
    ],
    [
      'month 13 in a date',
      (p) => (p.calendars['support-hours'].holidayExceptions = ['2026-13-01']),
      `${calendar}/holidayExceptions/0`,
      'invalid_date',
    ],
    [
      '29 February of a common year as an override',
      (p) => (p.calendars['support-hours'].overrides = { '2025-02-29': { open: [] } }),
      `${calendar}/overrides`,
      'invalid_date',
    ],
    ['readOn "yesterday"', (p) => (p.source.readOn = 'yesterday'), '/source/readOn', 'invalid_definition'],
    [
      'the same interval twice in a day',
      (p) => p.calendars['support-hours'].week['1'].push(['08:00', '18:00']),
      `${calendar}/week/1`,
      'overlapping_intervals',
    ],
    [
      'a duration with a fraction',
      (p) => (p.plans.starter.targets[0].duration = 'PT1.5H'),
      '/plans/starter/targets/0/duration',
      'invalid_definition',
    ],
  ])('refuses %s, as parsePolicy does', (_, change, instancePath, code) => {
    const doc = std();
    change(doc);
    expect(validate(doc)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain(instancePath);
    const parsed = safeParsePolicy(doc);
    expect(!parsed.success && parsed.error.issues.map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ['29 February of a leap year', (p: Doc) => (p.calendars['support-hours'].holidayExceptions = ['2028-02-29'])],
    [
      'a fixed holiday on 29 February',
      (p: Doc) => p.calendars['support-hours'].holidays.push({ kind: 'fixed', month: 2, day: 29, name: 'x' }),
    ],
    ['a 24-hour interval', (p: Doc) => (p.calendars['support-hours'].week['7'] = [['00:00', '24:00']])],
  ])('accepts %s, as parsePolicy does', (_, change) => {
    const doc = std();
    change(doc);
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(safeParsePolicy(doc).success).toBe(true);
  });

  const scale = (p: Doc) => p.severityScales.incident;
  it.each<[string, (p: Doc) => unknown, string, string]>([
    [
      'an unknown zone',
      (p) => (p.calendars['support-hours'].zone = 'Europe/Madird'),
      `${calendar}/zone`,
      'invalid_zone',
    ],
    ['the machine zone', (p) => (p.calendars['support-hours'].zone = 'Local'), `${calendar}/zone`, 'invalid_zone'],
    [
      'an offset beyond 14 hours',
      (p) => (p.calendars['support-hours'].zone = 'UTC+15:00'),
      `${calendar}/zone`,
      'invalid_zone',
    ],
    [
      'a calendar called constructor',
      (p) => (p.calendars.constructor = p.calendars['support-hours']),
      '/calendars',
      'forbidden_key',
    ],
    ['a text key prototype', (p) => (p.name.prototype = 'x'), '/name', 'forbidden_key'],
    ['locales without English first', (p) => (p.locales = ['es', 'en']), '/locales/0', 'invalid_locale'],
    ['a locale twice', (p) => p.locales.push('es'), '/locales', 'invalid_locale'],
    ['a text key that is no locale', (p) => (p.name.English = 'x'), '/name', 'invalid_locale'],
    [
      'a criterion that skips a worse value',
      (p) => (scale(p).levels[2].criteria[0].when = { affectedUsers: ['some'] }),
      '/severityScales/incident/levels/2/criteria/0/when/affectedUsers',
      'invalid_rule',
    ],
    [
      'an unless that excludes a value but not a worse one',
      (p) => (scale(p).levels[2].criteria[0].unless = { businessImpact: ['significant'] }),
      '/severityScales/incident/levels/2/criteria/0/unless/businessImpact',
      'invalid_rule',
    ],
    [
      'an unless that names no fact',
      (p) => (scale(p).levels[2].criteria[0].unless = {}),
      '/severityScales/incident/levels/2/criteria/0/unless',
      'invalid_rule',
    ],
    [
      'an unless on a "not an incident" criterion',
      (p) => (scale(p).notIncident[0].unless = { requestType: ['bug'] }),
      '/severityScales/incident/notIncident/0',
      'invalid_definition',
    ],
    [
      'an ordered fact in a "not an incident" criterion',
      (p) => (scale(p).notIncident[0].when.service = ['down']),
      '/severityScales/incident/notIncident/0/when/service',
      'invalid_rule',
    ],
    ['a partial scope rule without stillCovered', (p) => delete p.scope[0].stillCovered, '/scope/0', 'invalid_rule'],
    [
      'a reply target in another unit than the expected reply',
      (p) => (p.customerSuccess.reply.target = 'PT8H'),
      '/customerSuccess/reply/target',
      'invalid_rule',
    ],
    ['a warning percentage twice', (p) => (p.sla.warnAtPercent = [75, 75]), '/sla/warnAtPercent', 'invalid_rule'],
  ])('refuses %s, as parsePolicy does', (_, change, instancePath, code) => {
    const doc = std();
    change(doc);
    expect(validate(doc)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain(instancePath);
    const parsed = safeParsePolicy(doc);
    expect(!parsed.success && [...new Set(parsed.error.issues.map((i) => i.code))]).toEqual([code]);
  });

  it('refuses a __proto__ key, which arrives as an own key from JSON.parse, as parsePolicy does', () => {
    const doc = JSON.parse(JSON.stringify(standardSupport).replace('"plans":{', '"plans":{"__proto__":{},'));
    expect(Object.hasOwn(doc.plans, '__proto__')).toBe(true);
    expect(validate(doc)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain('/plans');
    const parsed = safeParsePolicy(doc);
    expect(!parsed.success && parsed.error.issues.map((i) => i.code)).toEqual(['forbidden_key']);
  });

  it.each(['US/Eastern', 'Asia/Kolkata', 'Asia/Calcutta', 'Etc/GMT+5', 'Europe/Kyiv', 'UTC', 'UTC-03:30'])(
    'accepts the zone %j, as parsePolicy does',
    (zone) => {
      const doc = std();
      doc.calendars['support-hours'].zone = zone;
      expect(validate(doc)).toBe(true);
      expect(safeParsePolicy(doc).success).toBe(true);
    },
  );

  it('refuses a zone in another case, which parsePolicy accepts and returns in the spelling the schema accepts', () => {
    const doc = std();
    doc.calendars['support-hours'].zone = 'europe/madrid';
    expect(validate(doc)).toBe(false);
    const policy = parsePolicy(doc);
    expect(policy.calendars['support-hours']!.zone).toBe('Europe/Madrid');
    expect(validate(JSON.parse(JSON.stringify(policy)))).toBe(true);
  });

  it('lists every zone the runtime lists and every IANA name it accepts, each spelled as parsePolicy stores it', () => {
    const names: string[] = (zoneNameSchema()['anyOf'] as [{ enum: string[] }])[0].enum;
    expect(names).toEqual(expect.arrayContaining([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Asia/Kolkata']));
    expect(names.length).toBeGreaterThan(590);
    for (const name of names) expect(canonicalZoneName(name)).toBe(name);
    expect(TZDB_ZONE_NAMES.filter((name) => canonicalZoneName(name) !== undefined && !names.includes(name))).toEqual(
      [],
    );
  });

  it('ships patterns without look-around or \\d, which regular-expression engines of other languages read alike', () => {
    const patterns: string[] = [];
    JSON.stringify(toPolicyJsonSchema(), (key, value: unknown) => {
      if (key === 'pattern' && typeof value === 'string') patterns.push(value);
      return value;
    });
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(pattern).not.toMatch(/\(\?[=!<]|\\d/);
  });

  it('is draft 2020-12 with a stable id', () => {
    const schema = toPolicyJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:support-policy:policy:1');
  });
});

describe('the build step that ships it', () => {
  it('writes the same schema to the file the package exports as support-policy/policy.schema.json', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = new URL('../..', import.meta.url).pathname;
    const out = join(mkdtempSync(join(tmpdir(), 'schema-')), 'policy.schema.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-json-schema.ts', out], { cwd: root });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(toPolicyJsonSchema());
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./policy.schema.json']).toBe('./dist/policy.schema.json');
    expect(pkg.scripts.build).toContain('scripts/build-json-schema.ts');
  });
});
