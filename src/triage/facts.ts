import { argumentError } from '../errors.js';
import { describeValue } from '../internal/describeValue.js';
import { isPlainObject } from '../internal/record.js';
import { FACT_VALUES, type FactName } from '../policy/facts.js';

const FACT_NAMES = Object.keys(FACT_VALUES).join(', ');

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
 * Checks untrusted facts: a plain object, read through its own fields only, with only known fact
 * names, only their values, and no two facts that contradict each other. Returns a copy on a
 * null-prototype object, so that a fact nobody gave is never found on a polluted `Object.prototype`.
 * @internal
 */
export function checkFacts(facts: unknown): ProblemFacts {
  if (!isPlainObject(facts)) throw argumentError('invalid_fact', ['facts'], 'an object of facts', facts);
  const out = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(facts)) {
    if (!Object.hasOwn(FACT_VALUES, name)) {
      throw argumentError('unknown_fact', ['facts', name], `one of the known facts (${FACT_NAMES})`, name);
    }
    const value = facts[name];
    if (value === undefined) continue;
    const values = FACT_VALUES[name as FactName] as readonly unknown[];
    if (!values.includes(value)) {
      throw argumentError('invalid_fact', ['facts', name], `one of ${values.map(describeValue).join(', ')}`, value);
    }
    out[name] = value;
  }
  for (const c of CONTRADICTIONS) {
    if (c.aValues.includes(out[c.a]) && c.bValues.includes(out[c.b])) {
      throw argumentError(
        'contradictory_facts',
        ['facts', c.a],
        `facts that can hold together, but facts.${c.a} contradicts facts.${c.b} (${c.why})`,
        { [c.a]: out[c.a], [c.b]: out[c.b] },
      );
    }
  }
  return out as ProblemFacts;
}
