import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { describe, expect, it } from 'vitest';
import {
  type Classification,
  classify,
  dedicatedSupport,
  type FactName,
  type PolicyDefinition,
  parsePolicy,
  type ProblemFacts,
  standardSupport,
} from '../index.js';

const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);

// The criterion sentences that quote a seed verbatim are checked against it (whitespace, curly
// apostrophes, case and a final full stop normalised).
const norm = (s: string) => normalizeSeedText(s).toLowerCase();
const seed = (prefix: string): string => norm(readSeed(prefix));
const seeds = { en: seed('000_'), es: seed('003_'), vip: seed('004_') };
const expectQuoted = (text: string, seedText: string) =>
  expect(seedText, `the seed should contain: ${text}`).toContain(norm(text).replace(/\.$/, ''));

function incident(c: Classification) {
  if (c.kind !== 'incident') throw new Error(`expected an incident, got ${c.kind}`);
  return c;
}

interface Row {
  readonly criterion: string;
  readonly facts: ProblemFacts;
  readonly kind: 'incident' | 'not_incident';
  readonly severity?: string;
  readonly en: string;
  readonly es: string;
  /** Whether both sentences quote the seeds (000 and 003) word for word. */
  readonly quoted: { en: boolean; es: boolean };
}

const STANDARD_ROWS: readonly Row[] = [
  {
    criterion: 'critical.data-loss',
    facts: { dataLoss: 'unrecoverable' },
    kind: 'incident',
    severity: 'critical',
    en: 'Data loss with no possible recovery using available backups.',
    es: 'Situaciones de pérdida de datos e imposibilidad de recuperación a través de las copias de seguridad disponibles en la plataforma.',
    quoted: { en: true, es: true },
  },
  {
    criterion: 'critical.no-access',
    facts: { service: 'down', affectedUsers: 'all' },
    kind: 'incident',
    severity: 'critical',
    en: 'The client cannot access the PIM and it affects all users.',
    es: 'El cliente no puede acceder al sistema PIM y afecta a todos los usuarios.',
    quoted: { en: true, es: true },
  },
  {
    criterion: 'critical.ecommerce-data',
    facts: { ecommerceDataAtRisk: true, businessImpact: 'significant', workaround: false },
    kind: 'incident',
    severity: 'critical',
    en: 'High risk of incorrect data reaching e-commerce with significant operational impact and no workaround.',
    es: 'Riesgo de que datos erróneos terminen en el e-commerce con un impacto significativo en las operaciones del cliente y no hay solución alternativa disponible.',
    quoted: { en: true, es: true },
  },
  {
    criterion: 'major.core-functions',
    facts: { coreFunction: 'degraded' },
    kind: 'incident',
    severity: 'major',
    en: 'Core platform functions are affected or disabled.',
    es: 'Ciertas funciones principales de la plataforma se ven afectadas o desactivadas.',
    quoted: { en: true, es: true },
  },
  {
    criterion: 'major.severely-degraded',
    facts: { service: 'degraded', businessImpact: 'significant' },
    kind: 'incident',
    severity: 'major',
    en: 'Platform use is severely degraded.',
    es: 'El uso se degrada gravemente.',
    quoted: { en: true, es: true },
  },
  {
    criterion: 'minor.not-as-expected',
    facts: { coreFunction: 'misbehaving' },
    kind: 'incident',
    severity: 'minor',
    en: 'Core functionality is not behaving as expected, with no major impact on overall usability.',
    es: 'Las funcionalidades básicas no se comportan como se espera, mientras que la incidencia no tiene ningún efecto importante en la usabilidad de la plataforma.',
    quoted: { en: false, es: true }, // EN: two bullets of seed 000 joined into one sentence
  },
  {
    criterion: 'not-incident.question',
    facts: { requestType: 'how_to' },
    kind: 'not_incident',
    en: 'A question or how-to: support guides you to the Support Center documentation.',
    es: 'Una consulta: el soporte te redirige a la documentación del Centro de Soporte.',
    quoted: { en: false, es: false },
  },
  {
    criterion: 'not-incident.expected-behaviour',
    facts: { expectedBehaviour: true },
    kind: 'not_incident',
    en: 'Support confirms the platform behavior is expected.',
    es: 'El comportamiento descrito es correcto y de acuerdo con el funcionamiento de nuestra plataforma.',
    quoted: { en: false, es: true },
  },
  {
    criterion: 'not-incident.out-of-scope',
    facts: { inScope: false },
    kind: 'not_incident',
    en: 'Out of support scope.',
    es: 'Fuera de soporte.',
    quoted: { en: true, es: true },
  },
];
const LABELS: Record<string, { en: string; es: string }> = {
  critical: { en: 'Critical', es: 'Crítico' },
  major: { en: 'Major', es: 'Mayor' },
  minor: { en: 'Minor', es: 'Menor' },
};

describe('classify on standardSupport: one minimal fact set per criterion (SPEC §3)', () => {
  it('the table covers every criterion of the scale, levels and not-incident alike', () => {
    const scale = standard.severityScales['incident'];
    const ids = [
      ...(scale?.levels.flatMap((l) => l.criteria.map((c) => c.id)) ?? []),
      ...(scale?.notIncident?.map((c) => c.id) ?? []),
    ];
    expect(STANDARD_ROWS.map((r) => r.criterion)).toEqual(ids);
  });

  it.each(STANDARD_ROWS)(
    '$criterion is triggered by its minimal facts, with its sentence in English and Spanish',
    (row) => {
      for (const locale of ['en', 'es'] as const) {
        const c = classify(standard, row.facts, { locale });
        expect(c.kind).toBe(row.kind);
        expect(c.scale).toBe('incident');
        expect([c.locale, c.localeFallback]).toEqual([locale, false]);
        if (c.kind === 'unclassified') throw new Error('unreachable');
        expect(c.criterion.id).toBe(row.criterion);
        expect(c.criterion.text).toBe(row[locale]);
        expect(c.decidingFacts).toEqual(row.facts);
        expect(c.unusedFacts).toEqual([]); // every fact is named by some criterion of this scale
        if (c.kind === 'incident') {
          expect(c.severity.id).toBe(row.severity);
          expect(c.severity.label).toBe(LABELS[row.severity ?? '']?.[locale]);
        }
        if (row.quoted[locale]) expectQuoted(c.criterion.text, locale === 'en' ? seeds.en : seeds.es);
      }
    },
  );

  it('the criterion path points at the criterion in the policy', () => {
    const c = classify(standard, { service: 'down', affectedUsers: 'all' });
    if (c.kind === 'unclassified') throw new Error('expected a criterion');
    expect(c.criterion.path).toEqual(['severityScales', 'incident', 'levels', 0, 'criteria', 1]);
    const q = classify(standard, { inScope: false });
    if (q.kind === 'unclassified') throw new Error('expected a criterion');
    expect(q.criterion.path).toEqual(['severityScales', 'incident', 'notIncident', 2]);
  });
});

const VIP_ROWS = [
  {
    severity: 'sev1',
    rank: 1,
    label: 'Severity 1 Critical',
    facts: { service: 'down', businessImpact: 'halted', workaround: false },
    text: 'Service is down or unavailable. The situation halts customer business operations, and no procedural workaround exists.',
  },
  {
    severity: 'sev2',
    rank: 2,
    label: 'Severity 2 High',
    facts: { service: 'degraded' },
    text: 'Significant performance degradation. Cloud services are operational but exhibit highly degraded performance to the point of significant impact on usage.',
  },
  {
    severity: 'sev3',
    rank: 3,
    label: 'Severity 3 Standard',
    facts: { service: 'partial_loss' },
    text: 'A partial loss of cloud services with an impact on customer business. For example, new emails are not being fetched, or a specific integration is not working.',
  },
  {
    severity: 'sev4',
    rank: 4,
    label: 'Severity 4 Bugfix',
    facts: { requestType: 'bug' },
    text: 'Inquiry regarding a bug (a non-critical issue).',
  },
  {
    severity: 'sev5',
    rank: 5,
    label: 'Severity 5 Request',
    facts: { requestType: 'question' },
    text: 'Request for a setup consultation, new feature suggestion, or any other question for our support.',
  },
] as const satisfies readonly { severity: string; rank: number; label: string; facts: ProblemFacts; text: string }[];

describe('classify on dedicatedSupport: sev1..sev5 (seed 004)', () => {
  it.each(VIP_ROWS)('$severity ($label) is triggered by its minimal facts and quotes the sheet', (row) => {
    const c = incident(classify(dedicated, row.facts));
    expect(c.scale).toBe('vip');
    expect(c.severity).toEqual({ id: row.severity, rank: row.rank, label: row.label });
    expect(c.criterion.id).toBe(`${row.severity}.definition`);
    expect(c.criterion.text).toBe(row.text);
    expect(c.decidingFacts).toEqual(row.facts);
    expect(c.unusedFacts).toEqual([]);
    expect([c.locale, c.localeFallback]).toEqual(['en', false]);
    expectQuoted(row.text, seeds.vip);
  });

  it.each(VIP_ROWS)("$severity: locale 'es' falls back to English, flagged by localeFallback", (row) => {
    const c = incident(classify(dedicated, row.facts, { locale: 'es' }));
    expect([c.locale, c.localeFallback]).toEqual(['en', true]);
    expect([c.severity.id, c.criterion.text, c.severity.label]).toEqual([row.severity, row.text, row.label]);
  });

  it('a fact no vip criterion looks at is reported unused: dataLoss, affectedUsers, coreFunction…', () => {
    const c = incident(
      classify(dedicated, { dataLoss: 'unrecoverable', service: 'partial_loss', affectedUsers: 'some', inScope: true }),
    );
    expect(c.severity.id).toBe('sev3');
    expect(c.unusedFacts).toEqual<FactName[]>(['affectedUsers', 'dataLoss', 'inScope']);
    expect(c.decidingFacts).toEqual({ service: 'partial_loss' });
  });

  it('an unused fact alone decides nothing: dataLoss only is unclassified on the vip scale', () => {
    const c = classify(dedicated, { dataLoss: 'unrecoverable' });
    expect(c.kind).toBe('unclassified');
    expect(c.unusedFacts).toEqual(['dataLoss']);
  });
});

describe('classify: order of evaluation', () => {
  it('levels are tried most severe first: facts matching critical and major are critical', () => {
    const c = incident(
      classify(standard, { dataLoss: 'unrecoverable', coreFunction: 'disabled', service: 'degraded' }),
    );
    expect([c.severity.id, c.criterion.id]).toEqual(['critical', 'critical.data-loss']);
    expect(c.decidingFacts).toEqual({ dataLoss: 'unrecoverable' });
  });

  it('service down for some users with a significant impact is major (severely degraded), for all users critical (no access)', () => {
    expect(
      incident(classify(standard, { service: 'down', affectedUsers: 'some', businessImpact: 'significant' })).criterion
        .id,
    ).toBe('major.severely-degraded');
    expect(incident(classify(standard, { service: 'down', affectedUsers: 'all' })).criterion.id).toBe(
      'critical.no-access',
    );
  });

  it('"Platform use is severely degraded": a degraded service with no impact (or a minor one) is not Major', () => {
    const seed000 = normalizeSeedText(readSeed('000'));
    expect(seed000).toContain('Platform use is severely degraded.');
    for (const businessImpact of ['none', 'minor'] as const) {
      const c = classify(standard, { service: 'degraded', businessImpact });
      expect(c.kind, businessImpact).toBe('unclassified');
    }
    expect(incident(classify(standard, { service: 'degraded', businessImpact: 'halted' })).severity.id).toBe('major');
  });

  it('within a level, the first matching criterion in the policy order decides', () => {
    const c = incident(classify(standard, { coreFunction: 'disabled', service: 'down' }));
    expect(c.criterion.id).toBe('major.core-functions');
  });

  it('on the vip scale, a halted business with a workaround is no longer sev1 literally', () => {
    const c = incident(classify(dedicated, { service: 'down', businessImpact: 'halted', workaround: true }));
    expect([c.severity.id, c.fit]).toEqual(['sev1', 'nearest']); // see "where facts fit no level literally"
  });

  it('not-incident criteria are tried only when no level matches: a question about a misbehaving core function is a minor incident', () => {
    const c = incident(classify(standard, { requestType: 'question', coreFunction: 'misbehaving' }));
    expect([c.severity.id, c.criterion.id]).toEqual(['minor', 'minor.not-as-expected']);
    expect(classify(standard, { requestType: 'question', coreFunction: 'working' }).kind).toBe('not_incident');
  });

  // SPEC §3: "Not an incident: a question, a how-to, expected behaviour, or anything out of scope".
  // Expected behaviour and out of scope decide before the levels; a question does not.
  it('expected behaviour or out of scope is not an incident, whatever else the facts say', () => {
    const slow = classify(standard, { inScope: false, service: 'degraded' });
    expect([slow.kind, slow.kind === 'not_incident' && slow.criterion.id]).toEqual([
      'not_incident',
      'not-incident.out-of-scope',
    ]);
    const expected = classify(standard, { expectedBehaviour: true, coreFunction: 'misbehaving' });
    expect([expected.kind, expected.kind === 'not_incident' && expected.criterion.id]).toEqual([
      'not_incident',
      'not-incident.expected-behaviour',
    ]);
  });

  it('no criterion matching is unclassified, with a reason naming the facts the scale tests', () => {
    for (const facts of [
      {},
      { affectedUsers: 'all' },
      { requestType: 'bug' },
      { service: 'up', coreFunction: 'working' },
    ] as ProblemFacts[]) {
      const c = classify(standard, facts);
      if (c.kind !== 'unclassified')
        throw new Error(`expected unclassified for ${JSON.stringify(facts)}, got ${c.kind}`);
      expect(c.reason).toMatch(/^No criterion of scale "incident" matches the facts given/);
      expect(c.reason).toContain('dataLoss');
      expect(Object.keys(c)).not.toContain('criterion');
    }
  });

  it('a fact given as undefined counts as not given', () => {
    const c = classify(standard, { dataLoss: undefined, coreFunction: 'misbehaving' } as unknown as ProblemFacts);
    expect(incident(c).severity.id).toBe('minor');
    expect(c.unusedFacts).toEqual([]);
  });
});

describe('classify: where facts fit no level literally (unless)', () => {
  function nearest(c: Classification) {
    const i = incident(c);
    if (i.fit !== 'nearest') throw new Error(`expected a nearest fit, got ${i.fit}`);
    return i;
  }

  it('standardSupport: a misbehaving core function with a halted business is beyond Minor ("No major impact on overall usability"), so Major, nearest', () => {
    expect(seeds.en).toContain(norm('No major impact on overall usability.').replace(/\.$/, ''));
    const c = nearest(
      classify(standard, { coreFunction: 'misbehaving', affectedUsers: 'all', businessImpact: 'halted' }),
    );
    expect(c.severity.id).toBe('major');
    expect(c.criterion.id).toBe('minor.not-as-expected');
    expect(c.criterion.path).toEqual(['severityScales', 'incident', 'levels', 2, 'criteria', 0]);
    expect(c.excludedFacts).toEqual({ businessImpact: 'halted' });
    expect(c.decidingFacts).toEqual({ coreFunction: 'misbehaving', businessImpact: 'halted' });
    expect(c.unusedFacts).toEqual([]);
    expect(c.reason).toBe(
      'No criterion of scale "incident" fits the facts literally: "minor.not-as-expected" of level "minor" matches, ' +
        'but its "unless" excludes businessImpact "halted", which go beyond that level; "major" is the next more severe level.',
    );
    expect(
      nearest(classify(standard, { coreFunction: 'misbehaving', businessImpact: 'significant' })).severity.id,
    ).toBe('major');
  });

  it('standardSupport: with no impact, or a minor one, or none given, a misbehaving core function is Minor, literally', () => {
    for (const businessImpact of ['none', 'minor', undefined] as const) {
      const facts: ProblemFacts = { coreFunction: 'misbehaving', ...(businessImpact ? { businessImpact } : {}) };
      const c = incident(classify(standard, facts));
      expect([c.severity.id, c.fit], String(businessImpact)).toEqual(['minor', 'literal']);
      expect(c.decidingFacts).toEqual(facts);
      expect(Object.keys(c)).not.toContain('reason');
    }
  });

  it('standardSupport: a more severe level that fits literally wins over a nearest one', () => {
    const c = incident(
      classify(standard, { coreFunction: 'misbehaving', service: 'degraded', businessImpact: 'halted' }),
    );
    expect([c.severity.id, c.fit, c.criterion.id]).toEqual(['major', 'literal', 'major.severely-degraded']);
  });

  it('dedicatedSupport: a service down is beyond Severity 2 ("Cloud services are operational"); with a workaround it is Severity 1, nearest', () => {
    expect(seeds.vip).toContain(norm('Cloud services are operational'));
    for (const facts of [
      { service: 'down', workaround: true },
      { service: 'down', businessImpact: 'halted', workaround: true },
      { service: 'down', businessImpact: 'significant', workaround: false },
      { service: 'down' },
    ] as ProblemFacts[]) {
      const c = nearest(classify(dedicated, facts));
      expect(c.severity.id, JSON.stringify(facts)).toBe('sev1');
      expect(c.criterion.id).toBe('sev2.definition');
      expect(c.excludedFacts).toEqual({ service: 'down' });
      expect(c.reason).toContain('"sev1" is the next more severe level');
    }
    const literal = incident(classify(dedicated, { service: 'down', businessImpact: 'halted', workaround: false }));
    expect([literal.severity.id, literal.fit]).toEqual(['sev1', 'literal']);
    expect(incident(classify(dedicated, { service: 'degraded' })).fit).toBe('literal');
  });

  it('every answer of the presets is literal (one minimal fact set per criterion)', () => {
    for (const row of STANDARD_ROWS.filter((r) => r.kind === 'incident'))
      expect(incident(classify(standard, row.facts)).fit).toBe('literal');
    for (const row of VIP_ROWS) expect(incident(classify(dedicated, row.facts)).fit).toBe('literal');
  });

  // A small scale of its own, to pin the rule down beyond the presets.
  const scaleWith = (levels: unknown[]) =>
    parsePolicy({
      schemaVersion: 1,
      id: 'p',
      name: { en: 'P' },
      source: { title: 'T', documents: ['D'], readOn: '2026-01-01' },
      calendars: { c: { zone: 'UTC', week: { 1: [['09:00', '17:00']] } } },
      severityScales: { s: { label: { en: 'S' }, levels } },
      plans: { p: { label: { en: 'P' }, rank: 1, severityScale: 's' } },
    } as unknown as PolicyDefinition);
  const level = (id: string, rank: number, criteria: unknown[]) => ({ id, rank, label: { en: id }, criteria });

  it('an `unless` on the most severe level keeps the answer there, nearest', () => {
    const policy = scaleWith([
      level('high', 1, [{ id: 'h', text: { en: 'H' }, when: { service: ['down'] }, unless: { workaround: [false] } }]),
      level('low', 2, [{ id: 'l', text: { en: 'L' }, when: { service: ['degraded', 'down'] } }]),
    ]);
    const c = nearest(classify(policy, { service: 'down', workaround: false }));
    expect([c.severity.id, c.criterion.id]).toEqual(['high', 'h']);
    expect(c.reason).toContain('"high" is the most severe level, so the answer stays there.');
    expect(incident(classify(policy, { service: 'down', workaround: true })).fit).toBe('literal');
  });

  it('a literal criterion of the same level does not undo another one going beyond it (so worse facts never lower the severity)', () => {
    const policy = scaleWith([
      level('high', 1, [{ id: 'h', text: { en: 'H' }, when: { dataLoss: ['unrecoverable'] } }]),
      level('mid', 2, [
        { id: 'm1', text: { en: 'M1' }, when: { service: ['down'] }, unless: { affectedUsers: ['all'] } },
        { id: 'm2', text: { en: 'M2' }, when: { coreFunction: ['disabled'] } },
      ]),
    ]);
    const beyond = nearest(classify(policy, { service: 'down', affectedUsers: 'all' }));
    expect(beyond.severity.id).toBe('high');
    const worse = nearest(classify(policy, { service: 'down', affectedUsers: 'all', coreFunction: 'disabled' }));
    expect(worse.severity.id).toBe('high');
    expect(incident(classify(policy, { service: 'down', affectedUsers: 'some', coreFunction: 'disabled' })).fit).toBe(
      'literal',
    );
  });
});
