import * as z from 'zod';
import { addPolicyRules } from './jsonSchemaRules.js';
import { PolicySchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a policy document, generated from the zod schema, so that
 * services in other languages can validate the same documents. It describes the input form
 * (defaults may be omitted), with the patterns zod checks (ids, durations, wall times, dates that
 * exist), and adds what JSON Schema can say of the checks zod does not carry: prototype keys
 * (`__proto__`, `constructor`, `prototype`) refused wherever an object takes free keys, zone names
 * (an `enum` of the IANA names this runtime accepts, in canonical spelling, and `UTC±HH:MM`),
 * locales (English first, each once; a text's keys in locale form), monotone severity criteria
 * (`when` and `unless`, which names some fact), a partial scope rule's `stillCovered`, a reply
 * target in the expected reply's unit, and warning percentages that do not repeat.
 *
 * It cannot check the rest, listed in `docs/policies.md` ("What the JSON Schema cannot check"):
 * references between ids, unique ids and ranks, a text in exactly the declared locales, an add-on
 * included in a plan that may not take it, one measured target per metric and level, increasing
 * warning percentages, an add-on with its own scale replacing the targets, a reply target not
 * below the expected reply, a deduction increment not above the minimum, a date range or year
 * bounds in order, intervals that overlap without being equal, keys repeated in JSON text, the
 * size limits, and zones the validating runtime does not know: there the schema accepts what
 * {@link parsePolicy} refuses. The other way round, it refuses zone names that {@link parsePolicy}
 * accepts: names in another case (whose canonical spelling {@link parsePolicy} stores), names the
 * runtime accepts beyond the IANA database (such as ICU's `PST`), and names newer than the runtime
 * that built the schema.
 * @internal
 */
export function toPolicyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return {
    $schema: schema['$schema'],
    $id: 'urn:support-policy:policy:1',
    title: 'support-policy policy document',
    description: 'A support policy: plans, account types, calendars, severities, SLA targets and support-hours rules.',
    ...Object.fromEntries(Object.entries(addPolicyRules(schema)).filter(([k]) => k !== '$schema')),
  };
}
