import { errorOf } from '../../test/fixtures/errors.js';
import { describe, expect, it } from 'vitest';
import { classify, dedicatedSupport, parsePolicy, type ProblemFacts, standardSupport } from '../index.js';

const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);

/** Untrusted facts, as a caller parsing JSON would pass them. */
const untrusted = (facts: unknown) => facts as ProblemFacts;

describe('classify: unknown_fact', () => {
  it('a fact name the library does not know is unknown_fact, with path [facts, name]', () => {
    const e = errorOf(() => classify(standard, untrusted({ dataLoss: 'unrecoverable', severity: 'critical' })));
    expect([e.code, e.path, e.value]).toEqual(['unknown_fact', ['facts', 'severity'], 'severity']);
    expect(e.message).toMatch(/^facts\.severity: expected one of the known facts \(affectedUsers, /);
  });

  it("a '__proto__' key from JSON.parse is unknown_fact, not a prototype change", () => {
    const facts = JSON.parse('{"__proto__": {"dataLoss": "unrecoverable"}}') as unknown;
    expect(Object.keys(facts as object)).toEqual(['__proto__']); // an own property, as JSON.parse makes it
    const e = errorOf(() => classify(standard, untrusted(facts)));
    expect([e.code, e.path]).toEqual(['unknown_fact', ['facts', '__proto__']]);
  });

  it("inherited names such as 'constructor' and 'toString' are unknown facts too", () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const e = errorOf(() => classify(standard, untrusted({ [name]: 'x' })));
      expect([e.code, e.path]).toEqual(['unknown_fact', ['facts', name]]);
    }
  });
});

describe('classify: invalid_fact', () => {
  it.each([
    ['dataLoss', 'lost'],
    ['affectedUsers', 'everyone'],
    ['workaround', 'no'],
    ['ecommerceDataAtRisk', 1],
    ['requestType', 'Question'],
    ['expectedBehaviour', null],
  ])('%s = %j is invalid_fact, with path [facts, %s] and the value', (name, value) => {
    const e = errorOf(() => classify(standard, untrusted({ [name]: value })));
    expect([e.code, e.path, e.value]).toEqual(['invalid_fact', ['facts', name], value]);
    expect(e.message).toMatch(new RegExp(`^facts\\.${name}: expected one of `));
  });

  it('facts that are not an object are invalid_fact at [facts]', () => {
    for (const facts of [null, 'critical', 3, ['dataLoss']]) {
      const e = errorOf(() => classify(standard, untrusted(facts)));
      expect([e.code, e.path]).toEqual(['invalid_fact', ['facts']]);
    }
  });
});

describe('classify: contradictory_facts names both fields', () => {
  it.each([
    [{ affectedUsers: 'none', service: 'down' }, 'affectedUsers', 'service'],
    [{ service: 'down', coreFunction: 'working' }, 'service', 'coreFunction'],
    [{ expectedBehaviour: true, requestType: 'bug' }, 'expectedBehaviour', 'requestType'],
    [{ affectedUsers: 'none', dataLoss: 'unrecoverable' }, 'affectedUsers', 'dataLoss'],
    [{ affectedUsers: 'none', coreFunction: 'misbehaving' }, 'affectedUsers', 'coreFunction'],
    [{ affectedUsers: 'none', businessImpact: 'halted' }, 'affectedUsers', 'businessImpact'],
    [{ expectedBehaviour: true, requestType: 'incident' }, 'expectedBehaviour', 'requestType'],
  ] as const)('%j contradicts: %s and %s', (facts, a, b) => {
    for (const policy of [standard, dedicated]) {
      const e = errorOf(() => classify(policy, facts));
      expect(e.code).toBe('contradictory_facts');
      expect(e.path).toEqual(['facts', a]);
      expect(e.message).toContain(`facts.${a}`);
      expect(e.message).toContain(`facts.${b}`);
      expect(e.value).toEqual({ [a]: facts[a as keyof typeof facts], [b]: facts[b as keyof typeof facts] });
    }
  });

  it('compatible neighbours are accepted: nobody affected with the service up, expected behaviour of a question', () => {
    expect(classify(standard, { affectedUsers: 'none', service: 'up', coreFunction: 'working' }).kind).toBe(
      'unclassified',
    );
    expect(classify(standard, { expectedBehaviour: true, requestType: 'question' }).kind).toBe('not_incident');
    expect(classify(standard, { service: 'down', coreFunction: 'disabled', affectedUsers: 'all' }).kind).toBe(
      'incident',
    );
  });
});

describe('classify: unknown_reference (scale option)', () => {
  it('an unknown scale is unknown_reference at [options, scale], listing the scales', () => {
    for (const scale of ['vip', 'Incident', '__proto__', 'toString']) {
      const e = errorOf(() => classify(standard, { dataLoss: 'unrecoverable' }, { scale }));
      expect([e.code, e.path, e.value]).toEqual(['unknown_reference', ['options', 'scale'], scale]);
      expect(e.message).toContain('(incident)');
    }
  });

  it("each preset's own scale may be named explicitly, or omitted since each has one", () => {
    expect(classify(standard, { dataLoss: 'unrecoverable' }, { scale: 'incident' })).toEqual(
      classify(standard, { dataLoss: 'unrecoverable' }),
    );
    expect(classify(dedicated, { service: 'down' }, { scale: 'vip' })).toEqual(
      classify(dedicated, { service: 'down' }),
    );
  });

  it('a policy with several scales requires the scale option', () => {
    const twoScales = parsePolicy({
      ...standardSupport,
      severityScales: { ...standardSupport.severityScales, copy: standardSupport.severityScales['incident']! },
    });
    const e = errorOf(() => classify(twoScales, { dataLoss: 'unrecoverable' }));
    expect([e.code, e.path]).toEqual(['unknown_reference', ['options', 'scale']]);
    const c = classify(twoScales, { dataLoss: 'unrecoverable' }, { scale: 'copy' });
    expect(c.scale).toBe('copy');
    if (c.kind !== 'incident') throw new Error('expected an incident');
    expect(c.criterion.path).toEqual(['severityScales', 'copy', 'levels', 0, 'criteria', 0]);
  });
});

describe('classify: results and inputs', () => {
  it('the result is deeply frozen', () => {
    for (const facts of [{ service: 'down', affectedUsers: 'all' }, { requestType: 'how_to' }, {}] as ProblemFacts[]) {
      const c = classify(standard, facts);
      expect(Object.isFrozen(c)).toBe(true);
      expect(Object.isFrozen(c.unusedFacts)).toBe(true);
      if (c.kind !== 'unclassified') {
        expect(Object.isFrozen(c.criterion)).toBe(true);
        expect(Object.isFrozen(c.criterion.path)).toBe(true);
        expect(Object.isFrozen(c.decidingFacts)).toBe(true);
      }
      if (c.kind === 'incident') expect(Object.isFrozen(c.severity)).toBe(true);
    }
  });

  it('the facts object is not mutated, nor frozen, and decidingFacts is a copy', () => {
    const facts = { service: 'down', affectedUsers: 'all', dataLoss: 'none' } as const;
    const mutable: Record<string, unknown> = { ...facts };
    const c = classify(standard, mutable as ProblemFacts);
    expect(mutable).toEqual(facts);
    expect(Object.isFrozen(mutable)).toBe(false);
    if (c.kind !== 'incident') throw new Error('expected an incident');
    expect(c.decidingFacts).not.toBe(mutable);
    mutable['service'] = 'up';
    expect(c.decidingFacts).toEqual({ service: 'down', affectedUsers: 'all' });
  });

  it('the same facts give the same result, whatever the key order', () => {
    const a = classify(standard, {
      ecommerceDataAtRisk: true,
      businessImpact: 'halted',
      workaround: false,
      dataLoss: 'none',
    });
    const b = classify(standard, {
      dataLoss: 'none',
      workaround: false,
      businessImpact: 'halted',
      ecommerceDataAtRisk: true,
    });
    expect(a).toEqual(b);
  });
});
