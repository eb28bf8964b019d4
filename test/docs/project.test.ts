import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemo, MAX_WIDTH } from '../../examples/demo.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'support-policy-demo-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sourceFiles(dir: string, pattern = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === '.doc-examples') return [];
    return statSync(path).isDirectory() ? sourceFiles(path, pattern) : pattern.test(path) ? [path] : [];
  });
}

describe('project layout rules', () => {
  const files = sourceFiles(join(root, 'src'));

  it('every source file (tests aside) stays under 300 lines', () => {
    const long = files
      .filter((f) => !f.endsWith('.test.ts') && readFileSync(f, 'utf8').split('\n').length > 300)
      .map((f) => relative(root, f));
    expect(long).toEqual([]);
  });

  it('folders import only from folders before them (calendar → policy → triage → hours → sla)', () => {
    const order = ['internal', 'calendar', 'policy', 'triage', 'hours', 'sla', 'presets'];
    const allowed: Record<string, string[]> = { presets: ['internal', 'calendar', 'policy'] };
    const violations: string[] = [];
    for (const file of files) {
      const folder = relative(join(root, 'src'), file).split('/')[0] ?? '';
      const rank = order.indexOf(folder);
      if (rank < 0) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from '\.\.\/(?:\.\.\/)?([a-z]+)\//g)) {
        const target = m[1] ?? '';
        const targetRank = order.indexOf(target);
        const ok = allowed[folder] ? allowed[folder].includes(target) || target === folder : targetRank <= rank;
        if (targetRank >= 0 && !ok) violations.push(`${relative(root, file)} imports ${target}/`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('nothing refers to a file outside the repository (it stands on its own)', () => {
    const scripts = ['src', 'test', 'scripts', 'examples', 'bench'].flatMap((dir) =>
      sourceFiles(join(root, dir), /\.(ts|mjs|cjs|js)$/),
    );
    const outside: string[] = [];
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new URL\(\s*['`]([^'`$]+)['`]\s*,\s*import\.meta\.url/g)) {
        const target = fileURLToPath(new URL(m[1]!, pathToFileURL(file)));
        if (relative(root, target).startsWith('..')) outside.push(`${relative(root, file)}: ${m[1]}`);
      }
      if (/\.\.\/shared\//.test(text)) outside.push(`${relative(root, file)}: the folder beside the repository`);
    }
    expect(scripts.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  it('the public entry point lists its exports explicitly', () => {
    expect(readFileSync(join(root, 'src/index.ts'), 'utf8')).not.toMatch(/export \*/);
  });

  it('no source reads the clock or the machine zone', () => {
    const offenders = files
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) =>
        /Date\.now\(|new Date\(\)|DateTime\.now\(|DateTime\.local\(|Settings\./.test(readFileSync(f, 'utf8')),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});

describe('documentation', () => {
  it('every value export has a doc comment with an @example', async () => {
    const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
    const names = [...index.matchAll(/^export \{([^}]+)\}/gm)].flatMap((m) =>
      (m[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    expect(names.length).toBeGreaterThan(5);
    const sources = sourceFiles(join(root, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const missing = names.filter((name) => {
      const decl = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:const|function|class) ${name}\\b`).exec(
        sources,
      );
      return !decl || !decl[1]?.includes('@example');
    });
    expect(missing).toEqual([]);
  });

  it('every type export has a doc comment', () => {
    const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
    const names = [...index.matchAll(/^export type \{([^}]+)\}/gm)].flatMap((m) =>
      (m[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    expect(names.length).toBeGreaterThan(10);
    const sources = sourceFiles(join(root, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const missing = names.filter((name) => !new RegExp(`\\*/\\s*export (?:type|interface) ${name}\\b`).test(sources));
    expect(missing).toEqual([]);
  });

  it('typedoc builds the API reference with zero warnings', () => {
    const out = mkdtempSync(join(tmpdir(), 'typedoc-'));
    const log = execFileSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(log).not.toMatch(/warning|error/i);
  }, 120_000);

  it('npm run demo prints deadlines, their reasons, an explained deadline and a compliance table', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts', join(scratch, 'report.html')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/T-1001\s+enterprise\s+major\s+Mon 05 Jan 2026 17:00\s+Europe\/Madrid/);
    expect(out).toMatch(
      /T-1001\s+first response: PT2H\s+support-hours\s+Wed 07 Jan 2026 09:00\s+Wed 07 Jan 2026 08:45\s+met in 1\.75 h/,
    );
    expect(out).toMatch(
      /T-1007\s+first response: PT2H\s+dedicated-hours\s+Mon 26 Oct 2026 10:00\s+Mon 26 Oct 2026 10:30\s+breached by 0\.50 h/,
    );
    // Severity 1's periodic update across the night the clocks go back (03:00 CEST → 02:00 CET):
    // 00:05 CEST (22:05Z) to 04:30 CET (03:30Z) is 5 h 25 min on the 24/7 clock, 1 h 25 min late.
    expect(out).toMatch(
      /T-1006\s+periodic update #1: PT4H\s+24\/7\s+Sun 25 Oct 2026 03:05\s+Sun 25 Oct 2026 04:30\s+breached by 1\.42 h/,
    );
    // The reasons are the library's summaries, not written by hand.
    expect(out).toMatch(/T-1001\s+first response\s+Epiphany \(Tue 6 Jan\) closed; 2 nights\n/);
    expect(out).toMatch(/T-1005\s+first response\s+National Day of Spain \(Mon 12 Oct\) closed; 1 night; 1 weekend\n/);
    expect(out).toMatch(/Tue 06 Jan 2026 00:00\s+Wed 07 Jan 2026 00:00\s+holiday \(Epiphany\)/);
    expect(out).toMatch(/all_inclusive\s+sev1\s+periodicUpdate\s+1\s+1\s+0\s+1\.50 h/);
    expect(out).toMatch(/Compliance: 5 of 7 first responses met their target/);
    expect(out).toContain(`A picture of every deadline: ${join(scratch, 'report.html')}`);
    const html = readFileSync(join(scratch, 'report.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(10);
    expect(html).toContain('>Epiphany (Tue 6 Jan) closed; 2 nights</text>');
  });

  it('the demo prints no line wider than 120 characters, and every date with its year', () => {
    const { text } = buildDemo();
    const wide = text.split('\n').filter((line) => [...line].length > MAX_WIDTH);
    expect(MAX_WIDTH).toBe(120);
    expect(wide).toEqual([]);
    expect(text).not.toMatch(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d [A-Z][a-z]{2} (?!\d{4})/);
    expect(text).toMatch(/Mon 05 Jan 2026 17:00/);
    expect(text).not.toMatch(/\bwhy:/);
  });
});
