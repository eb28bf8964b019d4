import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { describe, expect, it } from 'vitest';
import { dedicatedSupport, type Policy, parsePolicy, standardSupport } from '../index.js';

// Rules shared by both presets (SPEC: "each faithful to its own source and never mixed"; "no code
// path may test for a preset's name"). The rules of each preset are in presets.standard.test.ts
// and presets.dedicated.test.ts.
const srcDir = fileURLToPath(new URL('..', import.meta.url));
const norm = normalizeSeedText;
const standardSeeds = ['000', '001', '002', '003'].map(readSeed).join('\n');
const dedicatedSeed = readSeed('004');

const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);

/** Every id a policy defines, as `section.id` (criterion and level ids included). */
function idsOf(p: Policy): string[] {
  const scales = Object.values(p.severityScales);
  return [
    `policy.${p.id}`,
    ...(['calendars', 'channels', 'severityScales', 'accountTypes', 'plans', 'addOns'] as const).flatMap((k) =>
      Object.keys(p[k]).map((id) => `${k}.${id}`),
    ),
    ...scales.flatMap((s) => s.levels.map((l) => `levels.${l.id}`)),
    ...scales.flatMap((s) =>
      [...s.levels.flatMap((l) => l.criteria), ...(s.notIncident ?? [])].map((c) => `criteria.${c.id}`),
    ),
    ...Object.values(p.addOns).flatMap((a) => (a.features ?? []).map((f) => `features.${f.id}`)),
    ...(p.scope ?? []).map((r) => `scope.${r.id}`),
    ...(p.customerSuccess?.outOfScope ?? []).map((o) => `customerSuccess.${o.id}`),
    ...(p.partners?.integrationSupport.conditions ?? []).map((c) => `partners.${c.id}`),
  ];
}

/** Every English sentence of a policy (texts are objects with an `en` key). */
function sentencesOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(sentencesOf);
  const record = value as Record<string, unknown>;
  if (typeof record['en'] === 'string') return Object.values(record).filter((v): v is string => typeof v === 'string');
  return Object.values(record).flatMap(sentencesOf);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('presets: each faithful to its own source, never mixed', () => {
  it('no id of one preset appears in the other, except the generic channel id "email"', () => {
    const shared = idsOf(standard).filter((id) => idsOf(dedicated).includes(id));
    // Ids live in each policy's own namespace. "email" is the one word both sources use for a
    // channel; the two channels are different (a plan channel on business hours vs. the vendor's
    // 24/7 "standard email support").
    expect(shared).toEqual(['channels.email']);
    expect(standard.channels['email']?.label.en).not.toBe(dedicated.channels['email']?.label.en);
    expect(idsOf(standard).length).toBeGreaterThan(30);
    expect(idsOf(dedicated).length).toBeGreaterThan(15);
  });

  it('no sentence of one preset is taken from the other preset’s source', () => {
    const long = (p: Policy) => [
      ...new Set(
        sentencesOf(p)
          .map(norm)
          .filter((s) => s.length >= 25),
      ),
    ];
    expect(long(standard).length).toBeGreaterThan(30);
    expect(long(dedicated).length).toBeGreaterThan(10);
    expect(long(standard).filter((s) => dedicatedSeed.includes(s))).toEqual([]);
    expect(long(dedicated).filter((s) => standardSeeds.includes(s))).toEqual([]);
    // …while each preset does quote its own source.
    expect(long(standard).filter((s) => standardSeeds.includes(s)).length).toBeGreaterThan(10);
    expect(long(dedicated).filter((s) => dedicatedSeed.includes(s)).length).toBeGreaterThan(3);
  });

  it('each preset carries its own source, read on 2026-11-23', () => {
    expect(standard.source?.readOn).toBe('2026-11-23');
    expect(dedicated.source?.readOn).toBe('2026-11-23');
    expect(standard.source?.title).not.toBe(dedicated.source?.title);
    const docs = (p: Policy) => p.source?.documents ?? [];
    expect(docs(standard).filter((d) => docs(dedicated).includes(d))).toEqual([]);
    expect(docs(standard)).toHaveLength(3);
    expect(docs(dedicated)).toHaveLength(1);
  });

  it('each preset is plain serialisable data: parsing its JSON text gives the same policy', () => {
    expect(parsePolicy(JSON.stringify(standardSupport))).toEqual(standard);
    expect(parsePolicy(JSON.stringify(dedicatedSupport))).toEqual(dedicated);
    expect(Object.isFrozen(standardSupport)).toBe(true);
    expect(Object.isFrozen(dedicatedSupport)).toBe(true);
  });
});

describe('presets: no special case', () => {
  it('no code path outside src/presets tests for a preset name or one of its ids (only index.ts re-exports them)', () => {
    const names =
      /standard-support|dedicated-support|standardSupport|dedicatedSupport|'(?:all_inclusive|dedicated_support|enterprise|premium|starter|connect_provider|support-hours|dedicated-hours)'/;
    const hits: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const rel = relative(srcDir, file);
      if (rel.startsWith('presets/') || rel.endsWith('.test.ts')) continue;
      // Code only: doc comments quote the presets in their examples, which is documentation.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      code.split('\n').forEach((line, i) => {
        if (names.test(line)) hits.push(`${rel}:${i + 1}`);
      });
    }
    expect(hits.every((h) => h.startsWith('index.ts:'))).toBe(true);
    expect(hits).toHaveLength(2); // the two re-exports
  });
});
