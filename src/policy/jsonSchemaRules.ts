import * as z from 'zod';
import { canonicalZoneName, FIXED_OFFSET_PATTERN } from '../internal/zone.js';
import { FACT_VALUES, ORDERED_FACTS } from './facts.js';
import { LOCALE_PATTERN, TextSchema } from './text.js';
import { TZDB_ZONE_NAMES } from './tzdbZoneNames.js';

/**
 * The rules of `parsePolicy` that its zod schema does not carry but JSON Schema can express, added
 * to the schema zod generates: the input guard's prototype keys, zone names, and the parts of the
 * document-wide checks (`crossChecks.ts`) that look at one value at a time. The rest is listed in
 * `docs/policies.md` ("What the JSON Schema cannot check").
 */

type Node = Record<string, unknown>;

/** Keys refused anywhere by the input guard (`src/internal/guards.ts`), which could reach a prototype. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * The zone names a policy may use, as this runtime spells them: its own list (`Intl.supportedValuesOf`),
 * the IANA database's names it accepts, `UTC`, and fixed offsets `UTC±HH:MM`.
 */
export function zoneNameSchema(): Node {
  const names = new Set([...Intl.supportedValuesOf('timeZone'), ...TZDB_ZONE_NAMES, 'UTC']);
  return {
    type: 'string',
    description: 'IANA time zone, UTC, or a fixed offset "UTC±HH:MM", as canonically spelled',
    anyOf: [
      { enum: [...names].filter((name) => canonicalZoneName(name) === name).sort() },
      { pattern: FIXED_OFFSET_PATTERN.source },
    ],
  };
}

/** The node at a path of the generated schema; throws when the zod schema changed shape. */
function at(schema: Node, path: string): Node {
  let node: unknown = schema;
  for (const key of path.split('/')) node = (node as Node | undefined)?.[key];
  if (typeof node !== 'object' || node === null) throw new Error(`policy JSON Schema: no node at ${path}`);
  return node as Node;
}

/** Calls `visit` on every object schema below `node`, itself included. */
function forEachSchema(node: unknown, visit: (schema: Node) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) forEachSchema(item, visit);
    return;
  }
  visit(node as Node);
  for (const value of Object.values(node)) forEachSchema(value, visit);
}

/** A severity criterion's condition (`when` or `unless`) lists, for each ordered fact, a value and every worse one. */
function monotoneCondition(): Node[] {
  return ORDERED_FACTS.flatMap((fact) => {
    const values = FACT_VALUES[fact] as readonly unknown[];
    return values.slice(0, -1).map((value, i) => ({
      if: { properties: { [fact]: { contains: { const: value } } }, required: [fact] },
      then: { properties: { [fact]: { allOf: values.slice(i + 1).map((worse) => ({ contains: { const: worse } })) } } },
    }));
  });
}

/** Adds to a schema generated from `PolicySchema` the rules above; returns it. */
export function addPolicyRules(schema: Node): Node {
  const textSchema = JSON.stringify(stripSchemaKeyword(z.toJSONSchema(TextSchema, { io: 'input' })));
  forEachSchema(schema, (node) => {
    if (node['type'] !== 'object' || node['additionalProperties'] === false) return;
    // A text's keys are declared locales (checked across the document), so each has a locale's form.
    const text = JSON.stringify(node) === textSchema ? { pattern: LOCALE_PATTERN.source } : {};
    const names = (node['propertyNames'] ?? {}) as Node;
    node['propertyNames'] = { ...names, ...text, not: { enum: [...PROTOTYPE_KEYS] } };
  });

  const calendar = at(schema, 'properties/calendars/additionalProperties/properties');
  calendar['zone'] = zoneNameSchema();

  // Locales: English first, each once.
  Object.assign(at(schema, 'properties/locales'), { uniqueItems: true, allOf: [{ prefixItems: [{ const: 'en' }] }] });

  // Severity criteria: `when` and `unless` monotone in the ordered facts, `unless` naming some fact;
  // "not an incident" never names an ordered fact.
  const scale = 'properties/severityScales/additionalProperties/properties';
  const criterion = `${scale}/levels/items/properties/criteria/items/properties`;
  at(schema, `${criterion}/when`)['allOf'] = monotoneCondition();
  Object.assign(at(schema, `${criterion}/unless`), { allOf: monotoneCondition(), minProperties: 1 });
  const notIncident = at(schema, `${scale}/notIncident/items/properties/when/properties`);
  for (const fact of ORDERED_FACTS) notIncident[fact] = false;

  // Warning percentages increase, so none repeats (their order is beyond JSON Schema).
  at(schema, 'properties/sla/properties/warnAtPercent')['uniqueItems'] = true;
  for (const owner of ['plans', 'addOns']) {
    at(schema, `properties/${owner}/additionalProperties/properties/targets/items/properties/warnAtPercent`)[
      'uniqueItems'
    ] = true;
  }

  // Customer Success: the reply target has the expected reply's unit (not being below it is beyond JSON Schema).
  Object.assign(at(schema, 'properties/customerSuccess/properties/reply'), {
    if: { properties: { expected: { pattern: 'D$' } } },
    then: { properties: { target: { pattern: 'D$' } } },
    else: { properties: { target: { pattern: '^PT' } } },
  });

  // A scope rule with partial coverage says what is still covered.
  Object.assign(at(schema, 'properties/scope/items'), {
    if: { properties: { coverage: { const: 'partial' } }, required: ['coverage'] },
    then: { required: ['stillCovered'] },
  });
  return schema;
}

function stripSchemaKeyword(schema: Node): Node {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'));
}
