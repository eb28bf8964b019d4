import { DateTime } from 'luxon';
import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { describe, expect, it } from 'vitest';
import { compileCalendar, parsePolicy, standardSupport } from '../index.js';

// Every rule below quotes the seed line it comes from; `quote` checks that the line really is in
// that seed (whitespace and curly apostrophes normalised) before the test compares it with the preset.
const norm = normalizeSeedText;
const seeds = { '000': readSeed('000'), '001': readSeed('001'), '002': readSeed('002'), '003': readSeed('003') };
function quote(seed: keyof typeof seeds, line: string): string {
  expect(seeds[seed], `seed ${seed} should contain: ${line}`).toContain(norm(line));
  return norm(line);
}
function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

const policy = parsePolicy(standardSupport);
const plan = (id: string) => defined(policy.plans[id], `plan ${id}`);
const type = (id: string) => defined(policy.accountTypes[id], `account type ${id}`);
const scale = defined(policy.severityScales['incident'], 'the incident scale');
const level = (id: string) =>
  defined(
    scale.levels.find((l) => l.id === id),
    `level ${id}`,
  );
const calendar = compileCalendar(defined(policy.calendars['support-hours'], 'the support-hours calendar'));
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();
const targetsOf = (id: string) =>
  plan(id).targets.map((t) => ({
    metric: t.metric,
    duration: t.duration,
    clock: t.clock,
    role: t.role,
    severities: t.severities,
  }));

describe('standardSupport preset (seeds 000–003): source', () => {
  it('is a valid policy in English and Spanish whose source is the four articles, read on 2026-11-23', () => {
    expect(policy.id).toBe('standard-support');
    expect(policy.locales).toEqual(['en', 'es']);
    expect(policy.source?.readOn).toBe('2026-11-23');
    const documents = norm(policy.source?.documents.join(' | ') ?? '').toLowerCase();
    for (const [seed, title] of [
      ['000', 'Customer Success and Support scope'],
      ['001', 'Partners: definition & support extent'],
      ['003', 'Alcance de Customer Success & Soporte'],
    ] as const) {
      expect(documents).toContain(quote(seed, title).toLowerCase());
    }
  });
});

describe('standardSupport preset: calendar (SPEC §1)', () => {
  it('support hours are 08:00–18:00 Monday to Friday in Europe/Madrid ("CET" read as an IANA zone)', () => {
    quote('000', 'Business hours: Regional hours of operation excluding national holidays. 08:00 AM to 06:00 PM CET.');
    quote('003', 'El horario de oficina es entre las 8.00 - 18.00 CET.');
    expect(calendar.zone).toBe('Europe/Madrid');
    expect(calendar.isOpen(madrid('2026-11-30T07:59:59.999'))).toBe(false);
    expect(calendar.isOpen(madrid('2026-11-30T08:00'))).toBe(true);
    expect(calendar.isOpen(madrid('2026-11-30T17:59:59.999'))).toBe(true);
    expect(calendar.isOpen(madrid('2026-11-30T18:00'))).toBe(false);
    expect(calendar.isOpen(madrid('2026-12-04T12:00'))).toBe(true); // Friday
    expect(calendar.isOpen(madrid('2026-11-28T12:00'))).toBe(false); // Saturday
    expect(calendar.isOpen(madrid('2026-11-29T12:00'))).toBe(false); // Sunday
    // Summer time: 08:00 Madrid is 06:00 UTC, never a fixed UTC+01:00.
    expect(calendar.isOpen(Date.UTC(2026, 5, 1, 6, 0))).toBe(true);
    expect(calendar.isOpen(Date.UTC(2026, 5, 1, 5, 59))).toBe(false);
  });

  it("Spain's national holidays are excluded: Good Friday 2026 (3 April) is closed, Holy Thursday is not", () => {
    quote('003', 'son las horas regionales de funcionamiento, excluyendo los días festivos nacionales.');
    expect(calendar.isOpen(madrid('2026-04-03T10:00'))).toBe(false);
    expect(calendar.isOpen(madrid('2026-04-02T10:00'))).toBe(true); // regional only: not in the national set
    expect(calendar.isOpen(madrid('2026-10-12T10:00'))).toBe(false); // National Day of Spain, a Monday
    const holidays = calendar.holidaysIn(2026);
    expect(holidays.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-05-01',
      '2026-08-15',
      '2026-10-12',
      '2026-11-01',
      '2026-12-06',
      '2026-12-08',
      '2026-12-25',
    ]);
  });

  it('every channel and every first-response target runs on the business-hours calendar', () => {
    quote(
      '000',
      '“First response” refers to the first non-automatic reply during business hours, excluding national holidays.',
    );
    for (const p of Object.values(policy.plans)) {
      expect(p.channels.map((c) => c.clock)).toEqual(p.channels.map(() => 'support-hours'));
      expect(p.targets.map((t) => `${t.metric} ${t.clock}`)).toEqual(
        p.targets.map(() => 'firstResponse support-hours'),
      );
      expect(p.targets.every((t) => t.severities === undefined)).toBe(true); // the same target for every severity
    }
  });
});

describe('standardSupport preset: plans and first-response targets (SPEC §2)', () => {
  it('Enterprise: live chat and ticket, a 2-business-hour target and a typical figure under 5 minutes', () => {
    quote(
      '000',
      'Enterprise: First response within 2 hours. Live chat during business hours. Average response is typically less than 5 minutes.',
    );
    quote(
      '003',
      'Cuentas Enterprise: el tiempo general de la primera respuesta no automática es de 2 horas, mientras que el promedio es de menos de 5 minutos a través del chat',
    );
    expect(plan('enterprise').channels.map((c) => c.channel)).toEqual(['chat', 'ticket']);
    expect(targetsOf('enterprise')).toEqual([
      { metric: 'firstResponse', duration: 'PT2H', clock: 'support-hours', role: 'target', severities: undefined },
      { metric: 'firstResponse', duration: 'PT5M', clock: 'support-hours', role: 'typical', severities: undefined },
    ]);
    expect(plan('enterprise').rank).toBe(1);
  });

  it('Premium: ticket and email, a 12-business-hour target and a typical figure under 4 hours', () => {
    quote(
      '000',
      'Premium: First response within 12 hours via ticket or email during business hours. Average response is typically less than 4 hours.',
    );
    quote(
      '003',
      'Cuentas Premium: el tiempo general de la primera respuesta no automática es de 12 horas, mientras que el promedio es de menos de 4 horas a través del sistema de ticket o correo electrónico durante el horario laboral.',
    );
    expect(plan('premium').channels.map((c) => c.channel)).toEqual(['ticket', 'email']);
    expect(targetsOf('premium')).toEqual([
      { metric: 'firstResponse', duration: 'PT12H', clock: 'support-hours', role: 'target', severities: undefined },
      { metric: 'firstResponse', duration: 'PT4H', clock: 'support-hours', role: 'typical', severities: undefined },
    ]);
  });

  it.each(['starter', 'connect_provider'])(
    '%s: ticket only, first response within 1 business day, no typical figure',
    (id) => {
      quote('000', 'Starter or Connect provider accounts: First response in less than 1 business day.');
      quote('003', 'Cuentas Starter o Proveedor de Connect: tiempo de respuesta medio inferior a 1 día hábil.');
      expect(plan(id).channels.map((c) => c.channel)).toEqual(['ticket']);
      expect(targetsOf(id)).toEqual([
        { metric: 'firstResponse', duration: 'P1D', clock: 'support-hours', role: 'target', severities: undefined },
      ]);
      expect(plan(id).supportHours).toEqual({ kind: 'per_contract' });
    },
  );
});

describe('standardSupport preset: account types (SPEC §2)', () => {
  it('a direct customer is served by the vendor, has a CSM and the support hours of its plan', () => {
    quote('000', 'A dedicated Customer Success Manager (CSM) allocation for training and account management.');
    quote(
      '000',
      'A package of support hours, provided through the support system included in your plan, depending on your PIM plan type.',
    );
    expect(type('direct')).toMatchObject({
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'direct',
      supportHours: 'plan',
      requiresPartner: false,
    });
    expect(Object.values(policy.plans).map((p) => p.supportHours.kind)).toEqual([
      'per_contract',
      'per_contract',
      'per_contract',
      'per_contract',
    ]);
  });

  it('a partner-managed (indirect) customer: partner first line, vendor tickets in some cases, no target', () => {
    quote(
      '000',
      'Solution Partner accounts: Support is primarily provided by the partner. In some cases, you may also contact Sales Layer via the platform ticket system, but response times may vary',
    );
    quote('001', 'the assigned CSM will not have direct contact with the customer');
    quote('003', 'teniendo en cuenta que el primer nivel de soporte es el Partner.');
    expect(type('indirect')).toMatchObject({
      firstLine: 'partner',
      vendorTickets: 'some_cases',
      targets: 'none',
      customerSuccess: 'through_partner',
      supportHours: 'partner_pool',
      requiresPartner: true,
    });
  });

  it("a Solution Partner holds a pool of hours sized by its clients and may open tickets from its own or a client's account", () => {
    quote('002', 'Each partner has support hours available according to the characteristics of their clients.');
    quote('001', "You may be able to open a ticket either from your Partner account or from the customer's account.");
    quote('001', 'Enterprise accounts: The general first non-automatic response time is 2 hours');
    expect(type('solution_partner')).toMatchObject({
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      supportHours: 'partner_pool',
      requiresPartner: false,
    });
  });

  it("a Solution Partner's support goes through the ticketing system only, not the plan's live chat", () => {
    quote('001', 'Support format is provided through the integrated ticketing system available in the PIM platform.');
    quote('002', 'Support is provided through the integrated ticketing system available in the PIM platform.');
    quote(
      '002',
      'Support services: Support provided via the ticketing system according to the contracted plan, including annual support hours.',
    );
    expect(type('solution_partner').channels).toEqual(['ticket']);
    expect(plan('enterprise').channels.map((c) => c.channel)).toContain('chat'); // a direct customer's chat stays
  });

  it('a Technology Partner supports only its own integration while the vendor keeps customer management', () => {
    quote(
      '002',
      'A Technology Partner is a company that has signed a contract with a Sales Layer customer to deliver a service that is limited to their own integration or solution.',
    );
    quote(
      '002',
      'Sales Layer remains responsible for customer management, user training, and account-related matters.',
    );
    expect(type('technology_partner')).toMatchObject({
      firstLine: 'vendor',
      targets: 'none',
      customerSuccess: 'none',
      supportHours: 'none',
      requiresPartner: false,
    });
    expect(type('technology_partner').description!.en).toContain('own integration only');
  });
});

describe('standardSupport preset: incident severities (SPEC §3)', () => {
  it('incidents are Critical, Major or Minor, most severe first, labelled in English and Spanish', () => {
    quote('000', 'Incidents: Critical, Major, or Minor.');
    quote('003', 'Crítico, Mayor o Menor');
    expect(scale.levels.map((l) => [l.id, l.rank, l.label.en, l.label.es])).toEqual([
      ['critical', 1, 'Critical', 'Crítico'],
      ['major', 2, 'Major', 'Mayor'],
      ['minor', 3, 'Minor', 'Menor'],
    ]);
  });

  it('Critical: each criterion is the seed sentence, word for word, in English (000) and Spanish (003)', () => {
    const expected = [
      [
        'critical.data-loss',
        'Data loss with no possible recovery using available backups.',
        'Situaciones de pérdida de datos e imposibilidad de recuperación a través de las copias de seguridad disponibles en la plataforma.',
      ],
      [
        'critical.no-access',
        'The client cannot access the PIM and it affects all users.',
        'El cliente no puede acceder al sistema PIM y afecta a todos los usuarios.',
      ],
      [
        'critical.ecommerce-data',
        'High risk of incorrect data reaching e-commerce with significant operational impact and no workaround.',
        'Riesgo de que datos erróneos terminen en el e-commerce con un impacto significativo en las operaciones del cliente y no hay solución alternativa disponible.',
      ],
    ] as const;
    expect(level('critical').criteria.map((c) => [c.id, norm(c.text.en), norm(defined(c.text['es'], 'es'))])).toEqual(
      expected.map(([id, en, es]) => [id, quote('000', en), quote('003', es)]),
    );
  });

  it('Major: core functions affected or disabled; platform use severely degraded (EN word for word; ES splits one seed bullet)', () => {
    const [core, degraded] = level('major').criteria;
    expect(level('major').criteria.map((c) => c.id)).toEqual(['major.core-functions', 'major.severely-degraded']);
    expect(norm(defined(core, 'core').text.en)).toBe(quote('000', 'Core platform functions are affected or disabled.'));
    expect(norm(defined(degraded, 'degraded').text.en)).toBe(quote('000', 'Platform use is severely degraded.'));
    // 003 has ONE bullet for both criteria; the preset splits it: the first half is verbatim, the
    // second ("El uso de la plataforma se degrada gravemente.") is a rewording of its tail.
    const es = quote(
      '003',
      'Ciertas funciones principales de la plataforma se ven afectadas o desactivadas y el uso se degrada gravemente.',
    );
    expect(es).toContain(norm(defined(core?.text['es'], 'es')).replace(/\.$/, ''));
    expect(es).toContain('se degrada gravemente');
    expect(defined(degraded?.text['es'], 'es')).toContain('se degrada gravemente');
  });

  it('Minor: core functionality not behaving as expected, no major impact on usability (ES word for word; EN joins two bullets)', () => {
    const [criterion, ...rest] = level('minor').criteria;
    expect(rest).toEqual([]);
    const en = norm(defined(criterion, 'minor criterion').text.en);
    expect(en.startsWith(quote('000', 'Core functionality is not behaving as expected.').replace(/\.$/, ''))).toBe(
      true,
    );
    expect(en.toLowerCase()).toContain(
      quote('000', 'No major impact on overall usability.').toLowerCase().replace(/\.$/, ''),
    );
    expect(norm(defined(criterion?.text['es'], 'es'))).toBe(
      quote(
        '003',
        'Las funcionalidades básicas no se comportan como se espera, mientras que la incidencia no tiene ningún efecto importante en la usabilidad de la plataforma.',
      ),
    );
  });

  it('Minor: "No major impact on overall usability" excludes a significant or halted business impact (unless)', () => {
    quote('000', 'No major impact on overall usability.');
    quote('003', 'la incidencia no tiene ningún efecto importante en la usabilidad de la plataforma.');
    // The same words as Critical's "significant operational impact" and Major's "severely degraded".
    quote('000', 'with significant operational impact and no workaround.');
    const [criterion] = level('minor').criteria;
    expect(criterion?.when).toEqual({ coreFunction: ['misbehaving', 'degraded', 'disabled'] });
    expect(criterion?.unless).toEqual({ businessImpact: ['significant', 'halted'] });
    expect(level('major').criteria.find((c) => c.id === 'major.severely-degraded')?.when.businessImpact).toEqual(
      criterion?.unless?.businessImpact,
    );
    expect(scale.levels.flatMap((l) => l.criteria).filter((c) => c.unless !== undefined)).toEqual([criterion]);
  });

  it('a question or how-to is not an incident: it is answered with the documentation', () => {
    quote('000', 'Redirects you to documentation if the answer is already available in the Support Center.');
    expect(scale.notIncident?.[0]).toMatchObject({
      id: 'not-incident.question',
      when: { requestType: ['question', 'how_to'] },
    });
  });

  it('expected behaviour and anything out of scope are not incidents either', () => {
    quote('000', 'Confirms whether the platform behavior is expected or not.');
    quote(
      '003',
      'Informa al cliente si el comportamiento descrito es correcto y de acuerdo con el funcionamiento de nuestra plataforma.',
    );
    quote('003', 'Fuera de soporte');
    expect(scale.notIncident?.slice(1).map((c) => [c.id, c.when])).toEqual([
      ['not-incident.expected-behaviour', { expectedBehaviour: [true] }],
      ['not-incident.out-of-scope', { inScope: [false] }],
    ]);
  });
});

describe('standardSupport preset: scope and partners (SPEC §4)', () => {
  it.each([
    [
      'client-formulas',
      'partial',
      'Client-built formulas: Support can confirm whether the logic works',
      'formula logic works',
    ],
    [
      'third-party-integrations',
      'partial',
      'Third-party service integrations: Support can validate that data exports correctly through the connector',
      'exports correctly through the connector',
    ],
    [
      'customer-environment-performance',
      'none',
      "Performance issues caused by the customer's internet or hosting or provider environment.",
      undefined,
    ],
    [
      'custom-use-cases',
      'none',
      'Use cases and custom modifications that fall outside standard PIM operation documentation.',
      undefined,
    ],
  ] as const)('out of scope: %s has %s coverage, with what is still covered', (id, coverage, line, stillCovered) => {
    const seedLine = quote('000', line);
    const rule = defined(
      policy.scope?.find((r) => r.id === id),
      `scope rule ${id}`,
    );
    expect(rule.coverage).toBe(coverage);
    expect(seedLine.startsWith(norm(rule.text.en).replace(/\.$/, ''))).toBe(true);
    expect(rule.text['es']).toBeDefined();
    if (stillCovered === undefined) expect(rule.stillCovered).toBeUndefined();
    else expect(rule.stillCovered?.en).toContain(stillCovered);
  });

  it('professional services (consulting, integrations) are not part of the plan: a scope rule with no coverage', () => {
    quote(
      '000',
      'Your plan includes training and project guidance, but it does not include professional services such as consulting or integrations.',
    );
    quote('000', 'If you need those services, a Solution Partner agreement may cover them separately.');
    quote('003', 'pero no cubre servicios profesionales como la consultoría de datos o integraciones.');
    const rule = defined(
      policy.scope?.find((r) => r.id === 'professional-services'),
      'scope rule professional-services',
    );
    expect([rule.coverage, rule.stillCovered]).toEqual(['none', undefined]);
    expect(rule.text.en).toBe(
      'Professional services such as consulting or integrations: a Solution Partner agreement may cover them separately.',
    );
    expect(rule.text['es']?.toLowerCase()).toContain(
      'servicios profesionales como la consultoría de datos o integraciones',
    );
  });

  it('integration support for a partner needs certification, technical knowledge and production access; escalation may change times', () => {
    quote('002', 'The partner is certified through the Sales Layer certification program.');
    quote(
      '002',
      'The partner has sufficient technical knowledge to interpret and modify advanced API setups or plugin code.',
    );
    quote('002', "The partner has direct access to the customer's production account.");
    quote('002', 'Response times may vary if escalation to the internal technical team is required.');
    quote(
      '002',
      'Unless otherwise agreed in specific cases, support is provided to the partner without involving the end customer.',
    );
    expect(policy.partners?.integrationSupport.conditions.map((c) => c.id)).toEqual([
      'certified',
      'technical-knowledge',
      'production-access',
    ]);
    expect(policy.partners?.integrationSupport.escalation.en).toContain('escalated to the internal technical team');
    expect(policy.partners?.withoutEndCustomer?.en).toContain('without involving the customer');
  });
});

describe('standardSupport preset: Customer Success (SPEC §2)', () => {
  it('Customer Success replies in 1 to 3 business days: expected P1D, target P3D, on business hours', () => {
    quote('000', 'Customer Success typically responds within 1 to 3 business days, depending on availability.');
    quote('003', 'entre uno o tres días laborales.');
    expect(policy.customerSuccess?.reply).toEqual({ expected: 'P1D', target: 'P3D', clock: 'support-hours' });
  });

  it('Customer Success works by email and scheduled video calls, with quarterly business reviews', () => {
    quote('000', 'Communication is usually via email, plus scheduled video calls for training and periodic check-ins.');
    quote('000', 'Periodical meetings, often Quarterly Business Reviews, may be held');
    quote('003', 'generalmente reuniones trimestrales');
    expect(policy.customerSuccess?.channels).toEqual(['email', 'video_call']);
    expect(policy.customerSuccess?.reviews.cadence).toBe('quarterly');
    expect(policy.customerSuccess?.reviews.text.en).toBe('Quarterly Business Reviews');
  });

  it('Customer Success out-of-scope list: managed services, channel setup, customization, non-partner developers (EN and ES word for word)', () => {
    const expected = [
      [
        'managed-services',
        'Direct work inside your account as a managed service.',
        'Gestión directa en la cuenta del cliente (servicios gestionados).',
      ],
      [
        'channel-setup',
        'Channel setup and direct implementations (web, e-commerce, etc.).',
        'Configuración de canales e implementaciones directas (web, e-commerce, etc.).',
      ],
      ['customization', 'Platform customization.', 'Personalización de la plataforma.'],
      [
        'third-party-developers',
        'Support for third-party developers who are not official Solution Partners.',
        'Soporte para desarrolladores de terceros (no Solution Partners).',
      ],
    ] as const;
    expect(
      policy.customerSuccess?.outOfScope.map((o) => [o.id, norm(o.text.en), norm(defined(o.text['es'], 'es'))]),
    ).toEqual(expected.map(([id, en, es]) => [id, quote('000', en), quote('003', es)]));
  });
});

describe('standardSupport preset: support-hours deduction (SPEC §5)', () => {
  it('opening a support conversation deducts at least 15 minutes', () => {
    quote('000', 'When a support conversation is opened, a minimum of 15 minutes is deducted.');
    quote('003', 'Apertura de la conversación: se deducirá un mínimo de 15 minutos.');
    expect(policy.supportHours?.deduction.minimumMinutes).toBe(15);
  });

  it('hours are deducted "in the most favorable way": 15-minute increments, rounded down', () => {
    quote('000', 'Hours are deducted in the most favorable way following these rules:');
    quote('003', 'Se descuentan del total de la manera más favorable');
    expect(policy.supportHours?.deduction).toMatchObject({ incrementMinutes: 15, rounding: 'down' });
  });

  it('incidents never deduct support hours', () => {
    quote(
      '000',
      'Incidents are not counted as support hours, so they are not deducted from your contracted support-hours package.',
    );
    quote(
      '003',
      'Las incidencias no se contabilizan como horas de soporte y, por tanto, no se deducen del total de horas contratadas.',
    );
    expect(policy.supportHours?.deduction.incidents).toBe('free');
  });

  it('a documentation answer costs the minimum only; Customer Success work is free; unused hours do not carry over', () => {
    quote('000', 'Sales Layer will always aim to guide you to Support Center documentation when possible');
    quote('000', 'Each account has a package of support hours defined in the contract.');
    expect(policy.supportHours?.deduction).toMatchObject({
      documentationAnswer: 'minimum',
      customerSuccess: 'free',
      carryOver: { kind: 'none' },
    });
  });
});
