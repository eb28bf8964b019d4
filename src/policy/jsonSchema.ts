import * as z from 'zod';
import { PolicySchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a policy document, generated from the zod schema, so that
 * services in other languages can validate the same documents. It describes the input form
 * (defaults may be omitted). Checks that span fields (references between ids, locale parity,
 * DST-aware calendar rules) are not expressible in JSON Schema: {@link parsePolicy} remains the
 * authority, and a document it accepts always passes this schema.
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
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
