import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyArb } from '../../test/arbitraries/policy.js';
import { mutate, mutationArb } from '../../test/arbitraries/policyMutations.js';
import { dedicatedSupport, type ValidationIssue, safeParsePolicy, standardSupport } from '../index.js';
import { canonicalZoneName } from '../internal/zone.js';
import { toPolicyJsonSchema } from './jsonSchema.js';
import { zoneNameSchema } from './jsonSchemaRules.js';

// The shipped JSON Schema against parsePolicy, on mutated policies (both presets and random valid
// ones): each document is accepted by both or refused by both, unless the difference is one of the
// kinds docs/policies.md lists ("What the JSON Schema cannot check"). Any other difference fails.

/**
 * Documents compared (10,000): mutations of the presets, and of random policies, each of which is
 * mutated several ways, as generating one costs more than checking it.
 */
const RUNS = { presets: 9_000, randomPolicies: 125, mutationsPerPolicy: 8 };

/** Differences where the schema accepts what parsePolicy refuses, by the issue parsePolicy reports. */
const SCHEMA_CANNOT_SEE = {
  reference: 'a reference to an id that does not exist',
  duplicateId: 'an id or rank used twice in its list',
  localeParity: 'a text missing a declared locale or carrying another one',
  addOnNotAllowed: 'an included add-on that its plan may not take',
  oneMeasuredTarget: 'two measured targets for one metric and level',
  increasingPercentages: 'warning percentages out of order',
  ownScaleReplaces: 'an add-on with its own scale that does not replace the targets',
  replyBelowExpected: 'a reply target below the expected reply',
  incrementAboveMinimum: 'a deduction increment above the minimum',
  rangeBackwards: 'a date range ending before it starts',
  yearsBackwards: 'untilYear before fromYear',
  overlap: 'intervals that overlap without being equal',
} as const;
/** Differences where parsePolicy accepts what the schema refuses, by the zone named. */
const PARSE_ACCEPTS_MORE = {
  zoneCase: 'a zone name in another case',
  zoneBeyondIana: 'a zone name the runtime accepts beyond the IANA database',
} as const;
type Kind = keyof typeof SCHEMA_CANNOT_SEE | keyof typeof PARSE_ACCEPTS_MORE;

const schema = toPolicyJsonSchema();
const validate = new Ajv2020({ strict: false }).compile(schema);
const explain = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const zoneNames = new Set((zoneNameSchema()['anyOf'] as [{ enum: string[] }])[0].enum);

type Doc = any; // a parsed JSON document
const valueAt = (doc: Doc, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Doc)[k] : undefined), doc);
const last = (path: readonly (string | number)[]) => path[path.length - 1];
const durationUnit = (text: unknown) => (typeof text === 'string' && text.endsWith('D') ? 'days' : 'time');

/** The kind of a parsePolicy issue on a document the schema accepted, or `undefined` if the schema should have seen it. */
function schemaBlindKind(issue: ValidationIssue, doc: Doc): Kind | undefined {
  const { code, path, message } = issue;
  switch (code) {
    case 'unknown_reference':
      return 'reference';
    case 'duplicate_id':
      return 'duplicateId';
    case 'addon_not_allowed':
      return 'addOnNotAllowed';
    case 'invalid_locale':
      return path[0] === 'locales' ? undefined : 'localeParity';
    case 'overlapping_intervals':
      return 'overlap';
    case 'invalid_date':
      return last(path) === 'to' ? 'rangeBackwards' : last(path) === 'untilYear' ? 'yearsBackwards' : undefined;
    case 'invalid_rule': {
      if (message.includes('expected one measured')) return 'oneMeasuredTarget';
      if (message.includes('expected increasing percentages')) return 'increasingPercentages';
      if (last(path) === 'replacesTargets') return 'ownScaleReplaces';
      if (last(path) === 'incrementMinutes') return 'incrementAboveMinimum';
      const reply = valueAt(doc, ['customerSuccess', 'reply']) as Doc;
      if (
        path.join('.') === 'customerSuccess.reply.target' &&
        durationUnit(reply.expected) === durationUnit(reply.target)
      )
        return 'replyBelowExpected';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The kind of a zone the schema refused although parsePolicy accepted it, or `undefined`. */
function zoneKind(zone: unknown): Kind | undefined {
  if (typeof zone !== 'string') return undefined;
  const canonical = canonicalZoneName(zone);
  if (canonical === undefined) return undefined;
  if (canonical !== zone && (zoneNames.has(canonical) || /^UTC[+-]/.test(canonical))) return 'zoneCase';
  return zoneNames.has(canonical) ? undefined : 'zoneBeyondIana';
}

interface Tally {
  runs: number;
  bothAccept: number;
  bothRefuse: number;
  kinds: Map<Kind, number>;
}

/** The zone kinds behind every error of the schema on `doc`, or a description of an error of another kind. */
function zoneKindsOfErrors(doc: Doc): Kind[] | string {
  explain(doc);
  const kinds: Kind[] = [];
  for (const error of explain.errors ?? []) {
    const zone = /^\/calendars\/[^/]+\/zone$/.test(error.instancePath)
      ? valueAt(doc, error.instancePath.split('/').slice(1))
      : undefined;
    const kind = zoneKind(zone);
    if (kind === undefined) return `${error.instancePath} ${error.message}`;
    kinds.push(kind);
  }
  return kinds;
}

/**
 * Compares the two validators on one document, and the schema with what parsePolicy returns;
 * returns why they disagree in a way not listed, or nothing.
 */
function compare(doc: Doc, tally: Tally): string | undefined {
  tally.runs++;
  const bySchema = validate(doc);
  const parsed = safeParsePolicy(doc);
  const seen = new Set<Kind>();
  if (bySchema && parsed.success) tally.bothAccept++;
  else if (!bySchema && !parsed.success) tally.bothRefuse++;
  else if (bySchema && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const kind = schemaBlindKind(issue, doc);
      if (kind === undefined) return `the schema accepts, parsePolicy refuses: ${issue.code} ${issue.message}`;
      seen.add(kind);
    }
  } else {
    const kinds = zoneKindsOfErrors(doc);
    if (typeof kinds === 'string') return `parsePolicy accepts, the schema refuses: ${kinds}`;
    for (const kind of kinds) seen.add(kind);
  }
  if (parsed.success) {
    // What parsePolicy returns (canonical zones, defaults filled) passes, but for zones beyond the IANA database.
    const returned: Doc = JSON.parse(JSON.stringify(parsed.data));
    const kinds = validate(returned) ? [] : zoneKindsOfErrors(returned);
    if (typeof kinds === 'string' || kinds.some((k) => k !== 'zoneBeyondIana'))
      return `the schema refuses what parsePolicy returns: ${String(kinds)}`;
  }
  for (const kind of seen) tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
  return undefined;
}

/** One document of each listed kind: proof that the kind exists and that `compare` names it. */
const EXAMPLES: Record<Kind, [preset: 0 | 1, change: (p: Doc) => unknown]> = {
  reference: [0, (p) => (p.plans.premium.targets[0].clock = 'office-hours')],
  duplicateId: [0, (p) => (p.severityScales.incident.levels[1].id = 'critical')],
  localeParity: [0, (p) => (p.name = { en: 'Support' })],
  addOnNotAllowed: [1, (p) => (p.plans.basic = { ...p.plans.all_inclusive, includedAddOns: ['dedicated_support'] })],
  oneMeasuredTarget: [0, (p) => p.plans.premium.targets.push(p.plans.premium.targets[0])],
  increasingPercentages: [0, (p) => (p.sla.warnAtPercent = [90, 75])],
  ownScaleReplaces: [
    1,
    (p) => {
      p.severityScales.other = p.severityScales.vip;
      Object.assign(p.addOns.dedicated_support, { severityScale: 'other', replacesTargets: false });
    },
  ],
  replyBelowExpected: [0, (p) => Object.assign(p.customerSuccess.reply, { expected: 'P3D', target: 'P1D' })],
  incrementAboveMinimum: [0, (p) => (p.supportHours.deduction.incrementMinutes = 30)],
  rangeBackwards: [
    0,
    (p) =>
      p.calendars['support-hours'].holidays.push({ kind: 'range', from: '2026-08-21', to: '2026-08-10', name: 'x' }),
  ],
  yearsBackwards: [
    0,
    (p) =>
      p.calendars['support-hours'].holidays.push({
        kind: 'fixed',
        month: 3,
        day: 19,
        name: 'x',
        fromYear: 2027,
        untilYear: 2026,
      }),
  ],
  overlap: [0, (p) => p.calendars['support-hours'].week['1'].push(['09:00', '10:00'])],
  zoneCase: [0, (p) => (p.calendars['support-hours'].zone = 'europe/madrid')],
  zoneBeyondIana: [0, (p) => (p.calendars['support-hours'].zone = 'PST')],
};

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 });
const PRESETS = [standardSupport, dedicatedSupport];

describe('the kinds of difference between the JSON Schema and parsePolicy', () => {
  it.each(Object.entries(EXAMPLES) as [Kind, (typeof EXAMPLES)[Kind]][])(
    '%s is real, and named so',
    (kind, [preset, change]) => {
      const doc = JSON.parse(JSON.stringify(PRESETS[preset]));
      change(doc);
      const tally: Tally = { runs: 0, bothAccept: 0, bothRefuse: 0, kinds: new Map() };
      expect(compare(JSON.parse(JSON.stringify(doc)), tally)).toBeUndefined();
      expect([...tally.kinds.keys()]).toContain(kind);
    },
  );

  it('are each listed in docs/policies.md', () => {
    const docs = readFileSync(new URL('../../docs/policies.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const missing = [...Object.values(SCHEMA_CANNOT_SEE), ...Object.values(PARSE_ACCEPTS_MORE)].filter(
      (text) => !docs.includes(text),
    );
    expect(missing).toEqual([]);
  });
});

describe('the JSON Schema agrees with parsePolicy on mutated policies, except for the listed kinds', () => {
  const tally: Tally = { runs: 0, bothAccept: 0, bothRefuse: 0, kinds: new Map() };

  it('on mutated presets', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), mutationsArb, (preset, mutations) => {
        const why = compare(mutate(PRESETS[preset]!, mutations), tally);
        if (why !== undefined) throw new Error(why);
      }),
      { numRuns: RUNS.presets },
    );
  });

  it('on mutated random valid policies', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.array(mutationsArb, { minLength: RUNS.mutationsPerPolicy, maxLength: RUNS.mutationsPerPolicy }),
        (policy, mutationSets) => {
          for (const mutations of mutationSets) {
            const why = compare(mutate(policy, mutations), tally);
            if (why !== undefined) throw new Error(why);
          }
        },
      ),
      { numRuns: RUNS.randomPolicies },
    );
  });

  it('ran: the mutations gave documents both accept, both refuse, and listed differences both ways', ({ annotate }) => {
    const counts = Object.fromEntries([...tally.kinds].sort(([a], [b]) => a.localeCompare(b)));
    void annotate(
      JSON.stringify({ runs: tally.runs, bothAccept: tally.bothAccept, bothRefuse: tally.bothRefuse, ...counts }),
    );
    expect(tally.runs).toBe(RUNS.presets + RUNS.randomPolicies * RUNS.mutationsPerPolicy);
    expect(tally.bothAccept).toBeGreaterThan(tally.runs * 0.1);
    expect(tally.bothRefuse).toBeGreaterThan(tally.runs * 0.1);
    expect(tally.kinds.get('reference')).toBeGreaterThan(0);
    expect(tally.kinds.get('zoneCase')).toBeGreaterThan(0);
    expect(tally.kinds.get('zoneBeyondIana')).toBeGreaterThan(0);
    expect(tally.kinds.get('rangeBackwards')).toBeGreaterThan(0);
    expect(tally.kinds.size).toBeGreaterThanOrEqual(8);
  });
});
