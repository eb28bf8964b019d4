import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dedicatedSupport, standardSupport } from '../index.js';
import { toPolicyJsonSchema } from './jsonSchema.js';

describe('the shipped JSON Schema of a policy', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(toPolicyJsonSchema());

  it.each([
    ['standardSupport', standardSupport],
    ['dedicatedSupport', dedicatedSupport],
  ])('accepts the %s preset, as JSON', (_, preset) => {
    const ok = validate(JSON.parse(JSON.stringify(preset)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the schema can see: an unknown field, a bad duration, a malformed time, a missing English text', () => {
    const doc = JSON.parse(JSON.stringify(standardSupport));
    doc.plans.premium.targetz = [];
    doc.plans.starter.targets[0].duration = 'P1DT2H';
    doc.calendars['support-hours'].week['1'] = [['8:00', '18:00']];
    delete doc.plans.enterprise.label.en;
    expect(validate(doc)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/plans/premium',
        '/plans/starter/targets/0/duration',
        '/calendars/support-hours/week/1/0/0',
        '/plans/enterprise/label',
      ]),
    );
  });

  it('is draft 2020-12 with a stable id', () => {
    const schema = toPolicyJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:support-policy:policy:1');
  });
});

describe('the build step that ships it', () => {
  it('writes the same schema to the file the package exports as support-policy/policy.schema.json', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = new URL('../..', import.meta.url).pathname;
    const out = join(mkdtempSync(join(tmpdir(), 'schema-')), 'policy.schema.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-json-schema.ts', out], { cwd: root });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(toPolicyJsonSchema());
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./policy.schema.json']).toBe('./dist/policy.schema.json');
    expect(pkg.scripts.build).toContain('scripts/build-json-schema.ts');
  });
});
