/**
 * Part of `npm run build`: writes the policy's JSON Schema, generated from the zod schema, to
 * dist/policy.schema.json (exported as `support-policy/policy.schema.json`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { toPolicyJsonSchema } from '../src/policy/jsonSchema.js';

const out = process.argv[2] ?? 'dist/policy.schema.json';
mkdirSync(out.slice(0, Math.max(0, out.lastIndexOf('/'))) || '.', { recursive: true });
writeFileSync(out, `${JSON.stringify(toPolicyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
