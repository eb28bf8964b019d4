import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { errorOf } from '../../test/fixtures/errors.js';
import { describe, expect, it } from 'vitest';
import { assessScope, dedicatedSupport, parsePolicy, type ScopeRequest, standardSupport } from '../index.js';

const standard = parsePolicy(standardSupport);

// Every scope rule below quotes the line of seed 000 (EN) and 003 (ES) it comes from; `quote` checks
// that the line really is in the seed (whitespace and curly apostrophes normalised).
const norm = normalizeSeedText;
const seed = (prefix: string): string => norm(readSeed(prefix));
const seeds = { en: seed('000_'), es: seed('003_') };
function quote(locale: 'en' | 'es', line: string): string {
  expect(seeds[locale], `seed ${locale === 'en' ? '000' : '003'} should contain: ${line}`).toContain(norm(line));
  return norm(line);
}
/** The sentence without its final full stop, lower-cased: how it appears inside a longer seed line. */
const inLine = (s: string) => s.replace(/\.$/, '').toLowerCase();

describe('assessScope on standardSupport: the SPEC §4 out-of-scope list, item by item', () => {
  it('client-built formulas: partial, still covered "confirming the formula logic works" (EN and ES)', () => {
    const en = quote(
      'en',
      'Client-built formulas: Support can confirm whether the logic works, but does not provide full consulting on custom formula design.',
    );
    const es = quote(
      'es',
      'Revisión de fórmulas personalizadas hechas por el cliente: tan solo se podrá validar que la lógica de la fórmula funciona correctamente.',
    );
    const a = assessScope(standard, { topics: ['client-formulas'] });
    expect([a.coverage, a.decidedBy, a.unmatchedTopics]).toEqual(['partial', 'client-formulas', []]);
    expect(a.stillCovered).toEqual(['Confirming whether the formula logic works.']);
    expect(a.rules).toEqual([
      {
        id: 'client-formulas',
        coverage: 'partial',
        text: 'Client-built formulas',
        stillCovered: 'Confirming whether the formula logic works.',
        path: ['scope', 0],
      },
    ]);
    expect(en).toContain(a.rules[0]?.text);
    expect(en).toContain('confirm whether the logic works');
    const b = assessScope(standard, { topics: ['client-formulas'] }, { locale: 'es' });
    expect([b.coverage, b.locale, b.localeFallback]).toEqual(['partial', 'es', false]);
    expect(b.stillCovered).toEqual(['Validar que la lógica de la fórmula funciona correctamente.']);
    expect(b.rules[0]?.text).toBe('Fórmulas personalizadas hechas por el cliente');
    expect(es.toLowerCase()).toContain(inLine(b.rules[0]?.text ?? '?'));
    expect(es).toContain('validar que la lógica de la fórmula funciona correctamente');
  });

  it('third-party integrations: partial, still covered "verifying data exported correctly through the connector" (EN and ES)', () => {
    const en = quote(
      'en',
      'Third-party service integrations: Support can validate that data exports correctly through the connector, but does not cover third-party platform behavior.',
    );
    const es = quote(
      'es',
      'Integración con servicios de terceros: solo se cubre la validación de que los datos se exportan correctamente a través del conector.',
    );
    const a = assessScope(standard, { topics: ['third-party-integrations'] });
    expect([a.coverage, a.decidedBy]).toEqual(['partial', 'third-party-integrations']);
    expect(a.stillCovered).toEqual(['Verifying that data exports correctly through the connector.']);
    expect(a.rules[0]?.path).toEqual(['scope', 1]);
    expect(en).toContain(a.rules[0]?.text);
    expect(en).toContain('data exports correctly through the connector');
    const b = assessScope(standard, { topics: ['third-party-integrations'] }, { locale: 'es' });
    expect(b.stillCovered).toEqual(['Validar que los datos se exportan correctamente a través del conector.']);
    expect(es).toContain(b.rules[0]?.text ?? '?');
    expect(es).toContain(inLine(b.stillCovered[0] ?? '?').replace(/^validar que /, ''));
  });

  it("performance problems caused by the customer's internet, hosting or provider: none, nothing still covered", () => {
    const en = quote('en', 'Performance issues caused by the customer’s internet or hosting or provider environment.');
    const es = quote(
      'es',
      'Asistencia a problemas causados por la degradación del rendimiento debida al proveedor de Internet o del servidor del cliente.',
    );
    const a = assessScope(standard, { topics: ['customer-environment-performance'] });
    expect([a.coverage, a.decidedBy, a.stillCovered]).toEqual(['none', 'customer-environment-performance', []]);
    expect(a.rules).toEqual([
      { id: 'customer-environment-performance', coverage: 'none', text: norm(en), path: ['scope', 2] },
    ]);
    const b = assessScope(standard, { topics: ['customer-environment-performance'] }, { locale: 'es' });
    expect(es.toLowerCase()).toContain(inLine(b.rules[0]?.text ?? '?'));
    expect(b.stillCovered).toEqual([]);
  });

  it('use cases and custom modifications outside the standard documentation: none', () => {
    const en = quote(
      'en',
      'Use cases and custom modifications that fall outside standard PIM operation documentation.',
    );
    const es = quote(
      'es',
      'Casos de uso y modificaciones personalizadas que no están dentro del alcance del uso general del PIM.',
    );
    const a = assessScope(standard, { topics: ['custom-use-cases'] });
    expect([a.coverage, a.decidedBy, a.stillCovered]).toEqual(['none', 'custom-use-cases', []]);
    expect(a.rules.map((r) => [r.text, r.path])).toEqual([[en, ['scope', 3]]]);
    expect(assessScope(standard, { topics: ['custom-use-cases'] }, { locale: 'es' }).rules[0]?.text).toBe(es);
  });

  it('the preset has exactly these five scope rules, in this order', () => {
    expect(standard.scope?.map((r) => `${r.id}:${r.coverage}`)).toEqual([
      'client-formulas:partial',
      'third-party-integrations:partial',
      'customer-environment-performance:none',
      'custom-use-cases:none',
      'professional-services:none',
    ]);
  });

  it('professional services: none, from "it does not include professional services such as consulting or integrations"', () => {
    quote('en', 'it does not include professional services such as consulting or integrations');
    quote('es', 'pero no cubre servicios profesionales como la consultoría de datos o integraciones');
    const a = assessScope(standard, { topics: ['professional-services'] });
    expect([a.coverage, a.decidedBy, a.stillCovered]).toEqual(['none', 'professional-services', []]);
    expect(a.rules.map((r) => r.path)).toEqual([['scope', 4]]);
    // Building an integration is a professional service; checking one's export stays partly covered.
    const both = assessScope(standard, { topics: ['third-party-integrations', 'professional-services'] });
    expect([both.coverage, both.decidedBy]).toEqual(['none', 'professional-services']);
  });
});

describe('assessScope: several topics', () => {
  it('two partial rules: partial, decided by the first in policy order, both still-covered sentences', () => {
    const a = assessScope(standard, { topics: ['third-party-integrations', 'client-formulas'] });
    expect([a.coverage, a.decidedBy]).toEqual(['partial', 'client-formulas']);
    expect(a.rules.map((r) => r.id)).toEqual(['client-formulas', 'third-party-integrations']);
    expect(a.stillCovered).toEqual([
      'Confirming whether the formula logic works.',
      'Verifying that data exports correctly through the connector.',
    ]);
  });

  it('a partial and a none rule: the most restrictive (none) wins, and nothing is still covered', () => {
    const a = assessScope(standard, { topics: ['client-formulas', 'custom-use-cases'] });
    expect([a.coverage, a.decidedBy, a.stillCovered]).toEqual(['none', 'custom-use-cases', []]);
    expect(a.rules.map((r) => r.id)).toEqual(['client-formulas', 'custom-use-cases']);
  });

  it('two none rules: decided by the first in policy order, whatever the order of the topics', () => {
    for (const topics of [
      ['custom-use-cases', 'customer-environment-performance'],
      ['customer-environment-performance', 'custom-use-cases'],
    ]) {
      expect(assessScope(standard, { topics }).decidedBy).toBe('customer-environment-performance');
    }
  });

  it('all four topics: none, decided by customer-environment-performance', () => {
    const a = assessScope(standard, {
      topics: ['client-formulas', 'third-party-integrations', 'customer-environment-performance', 'custom-use-cases'],
    });
    expect([a.coverage, a.decidedBy, a.rules.length]).toEqual(['none', 'customer-environment-performance', 4]);
  });

  it('a topic repeated counts once', () => {
    const a = assessScope(standard, { topics: ['client-formulas', 'client-formulas'] });
    expect(a.rules).toHaveLength(1);
    expect(a.stillCovered).toHaveLength(1);
  });
});

describe('assessScope: topics no rule names', () => {
  it('an unknown topic is in scope (full), reported in unmatchedTopics, decided by default', () => {
    const a = assessScope(standard, { topics: ['api-question'] });
    expect(a).toEqual({
      coverage: 'full',
      rules: [],
      stillCovered: [],
      decidedBy: 'default',
      unmatchedTopics: ['api-question'],
      locale: 'en',
      localeFallback: false,
    });
  });

  it('no topic at all is full coverage', () => {
    expect(assessScope(standard, { topics: [] })).toMatchObject({
      coverage: 'full',
      decidedBy: 'default',
      unmatchedTopics: [],
    });
  });

  it('known and unknown topics together: the known rule decides, the unknown one is listed', () => {
    const a = assessScope(standard, { topics: ['api-question', 'client-formulas', 'constructor', '__proto__'] });
    expect([a.coverage, a.decidedBy]).toEqual(['partial', 'client-formulas']);
    expect(a.unmatchedTopics).toEqual(['api-question', 'constructor', '__proto__']);
  });

  it('a policy without scope rules covers everything fully (dedicatedSupport)', () => {
    const a = assessScope(parsePolicy(dedicatedSupport), { topics: ['client-formulas'] }, { locale: 'es' });
    expect(a).toMatchObject({
      coverage: 'full',
      decidedBy: 'default',
      unmatchedTopics: ['client-formulas'],
      locale: 'en',
      localeFallback: true,
    });
  });
});

describe('assessScope: bad input and results', () => {
  it.each([
    ['a string', { topics: 'client-formulas' }],
    ['missing', {}],
    ['null', { topics: null }],
    ['a number in the list', { topics: ['client-formulas', 3] }],
    ['an object', { topics: { 0: 'client-formulas', length: 1 } }],
  ])('topics %s is invalid_fact at [request, topics]', (_what, request) => {
    const e = errorOf(() => assessScope(standard, request as unknown as ScopeRequest));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['request', 'topics']]);
    expect(e.message).toMatch(/^request\.topics: expected a list of topic ids, got /);
  });

  it('no request at all is invalid_fact too', () => {
    expect(errorOf(() => assessScope(standard, undefined as unknown as ScopeRequest)).code).toBe('invalid_fact');
  });

  it('the result is deeply frozen and the request is not mutated', () => {
    const topics = ['custom-use-cases', 'client-formulas', 'other'];
    const request = { topics };
    const a = assessScope(standard, request);
    expect(request).toEqual({ topics: ['custom-use-cases', 'client-formulas', 'other'] });
    expect(Object.isFrozen(topics)).toBe(false);
    for (const part of [a, a.rules, a.rules[0], a.rules[0]?.path, a.stillCovered, a.unmatchedTopics])
      expect(Object.isFrozen(part)).toBe(true);
  });
});
