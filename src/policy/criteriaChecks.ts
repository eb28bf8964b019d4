import type { ErrorCode } from '../errors.js';
import { FACT_VALUES, ORDERED_FACTS } from './facts.js';
import type { Policy } from './schema.js';

type Path = (string | number)[];
type Add = (code: ErrorCode, path: Path, message: string) => void;
type Scale = Policy['severityScales'][string];
type Condition = Scale['levels'][number]['criteria'][number]['when'];

/**
 * The checks that keep classification monotone (worse facts never lower the severity): a level's
 * criterion that accepts a value of an ordered fact accepts every worse one; one whose `unless`
 * excludes a value excludes every worse one, and names at least one fact; "not an incident" never
 * depends on how bad things are.
 * @internal
 */
export function checkCriteria(scale: Scale, base: Path, add: Add): void {
  const upwardClosed = (condition: Condition, path: Path) => {
    for (const fact of ORDERED_FACTS) {
      const values = condition[fact] as readonly unknown[] | undefined;
      if (values === undefined) continue;
      const scaleValues = FACT_VALUES[fact] as readonly unknown[];
      const least = Math.min(...values.map((v) => scaleValues.indexOf(v)));
      const missing = scaleValues.slice(least).filter((v) => !values.includes(v));
      if (missing.length > 0) {
        add(
          'invalid_rule',
          [...path, fact],
          `expected every value at least as severe as ${JSON.stringify(scaleValues[least])} (so that worse facts never lower the severity), missing ${missing.map((v) => JSON.stringify(v)).join(', ')}`,
        );
      }
    }
  };
  scale.levels.forEach((level, i) =>
    level.criteria.forEach((c, j) => {
      const path = [...base, 'levels', i, 'criteria', j];
      upwardClosed(c.when, [...path, 'when']);
      if (c.unless === undefined) return;
      upwardClosed(c.unless, [...path, 'unless']);
      if (Object.values(c.unless).every((v) => v === undefined))
        add(
          'invalid_rule',
          [...path, 'unless'],
          'expected at least one fact in `unless` (an empty one excludes everything)',
        );
    }),
  );
  (scale.notIncident ?? []).forEach((c, j) => {
    for (const fact of ORDERED_FACTS) {
      if (c.when[fact] !== undefined)
        add(
          'invalid_rule',
          [...base, 'notIncident', j, 'when', fact],
          `expected only the request's kind (requestType, expectedBehaviour, inScope) in a "not an incident" criterion, got ${fact}`,
        );
    }
  });
}
