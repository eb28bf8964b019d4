import { InvalidArgumentError } from '../errors.js';
import { FACT_VALUES, type FactName } from '../policy/facts.js';

/**
 * What is known about a problem, as structured facts. Every field is optional: a criterion that
 * names a fact the caller did not give does not match.
 * @category Triage
 */
export type ProblemFacts = { readonly [K in FactName]?: (typeof FACT_VALUES)[K][number] };

/** Pairs of fact values that cannot both be true, each with the sentence that says why. */
const CONTRADICTIONS: readonly {
  a: FactName;
  aValues: readonly unknown[];
  b: FactName;
  bValues: readonly unknown[];
  why: string;
}[] = [
  {
    a: 'affectedUsers',
    aValues: ['none'],
    b: 'service',
    bValues: ['partial_loss', 'degraded', 'down'],
    why: 'a service problem affects someone',
  },
  {
    a: 'affectedUsers',
    aValues: ['none'],
    b: 'coreFunction',
    bValues: ['misbehaving', 'degraded', 'disabled'],
    why: 'a broken core function affects someone',
  },
  {
    a: 'affectedUsers',
    aValues: ['none'],
    b: 'dataLoss',
    bValues: ['recoverable', 'unrecoverable'],
    why: 'lost data affects someone',
  },
  {
    a: 'affectedUsers',
    aValues: ['none'],
    b: 'businessImpact',
    bValues: ['minor', 'significant', 'halted'],
    why: 'a business impact affects someone',
  },
  {
    a: 'service',
    aValues: ['down'],
    b: 'coreFunction',
    bValues: ['working'],
    why: 'nothing works while the service is down',
  },
  {
    a: 'expectedBehaviour',
    aValues: [true],
    b: 'requestType',
    bValues: ['bug', 'incident'],
    why: 'expected behaviour is not a bug',
  },
];

/**
 * Checks untrusted facts: only known fact names, only their values, and no two facts that
 * contradict each other. Returns a plain copy.
 * @internal
 */
export function checkFacts(facts: unknown): ProblemFacts {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw new InvalidArgumentError(
      'invalid_fact',
      ['facts'],
      `facts: expected an object of facts, got ${facts === null ? 'null' : typeof facts}`,
      facts,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts)) {
    if (!Object.hasOwn(FACT_VALUES, name)) {
      throw new InvalidArgumentError(
        'unknown_fact',
        ['facts', name],
        `facts.${name}: expected one of the known facts (${Object.keys(FACT_VALUES).join(', ')}), got ${JSON.stringify(name)}`,
        name,
      );
    }
    if (value === undefined) continue;
    const values = FACT_VALUES[name as FactName] as readonly unknown[];
    if (!values.includes(value)) {
      throw new InvalidArgumentError(
        'invalid_fact',
        ['facts', name],
        `facts.${name}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`,
        value,
      );
    }
    out[name] = value;
  }
  for (const c of CONTRADICTIONS) {
    if (c.aValues.includes(out[c.a]) && c.bValues.includes(out[c.b])) {
      throw new InvalidArgumentError(
        'contradictory_facts',
        ['facts', c.a],
        `facts.${c.a}: ${JSON.stringify(out[c.a])} contradicts facts.${c.b}: ${JSON.stringify(out[c.b])} (${c.why})`,
        { [c.a]: out[c.a], [c.b]: out[c.b] },
      );
    }
  }
  return out as ProblemFacts;
}
