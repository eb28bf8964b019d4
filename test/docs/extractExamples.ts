import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One runnable `ts` code block found in a doc comment or a Markdown file. */
export interface Example {
  /** Where it came from: `src/calendar/BusinessCalendar.ts:123`. */
  readonly origin: string;
  readonly code: string;
}

const FENCE = /```ts\n([\s\S]*?)```/g;

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** `ts` blocks inside TSDoc comments of the library's source files. */
export function examplesFromSource(root: string): Example[] {
  const files = walk(join(root, 'src'), (p) => p.endsWith('.ts') && !p.endsWith('.test.ts'));
  const out: Example[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Doc comments with the leading " * " of each line removed.
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const body = comment[0].replace(/^\s*\/?\*+\/? ?/gm, '');
      for (const block of body.matchAll(FENCE)) {
        out.push({ origin: `${relative(root, file)}:${lineOf(text, comment.index ?? 0)}`, code: block[1] ?? '' });
      }
    }
  }
  return out;
}

/** `ts` blocks of the README and the guides in docs/. */
export function examplesFromMarkdown(root: string): Example[] {
  const files = [
    join(root, 'README.md'),
    ...walk(join(root, 'docs'), (p) => p.endsWith('.md') && !p.includes('/api/')),
  ];
  const out: Example[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.matchAll(FENCE)) {
      out.push({ origin: `${relative(root, file)}:${lineOf(text, block.index ?? 0)}`, code: block[1] ?? '' });
    }
  }
  return out;
}

/** The package's subpath entries (`support-policy/<name>`) and their source files under `src/`. */
export const SUBPATHS: Readonly<Record<string, string>> = {
  'date-holidays': 'adapters/dateHolidays.ts',
  ical: 'adapters/ical.ts',
  arrow: 'adapters/arrow.ts',
};

/**
 * Turns an example into a module: the package import (and a subpath's) points at the source, and every line
 * `expression; //=> value` becomes an assertion that `expression` deep-equals `value`.
 */
export function toModule(example: Example, indexPath: string): { source: string; assertions: number } {
  let assertions = 0;
  const lines = example.code.split('\n').map((line, i) => {
    if (/^\s*\/\/=>/.test(line)) {
      throw new Error(`${example.origin} (+${i + 1}): a //=> result must follow its expression on the same line`);
    }
    const m = /^(\s*)(.+?);?\s*\/\/=>\s*(.+)$/.exec(line);
    if (!m) return line;
    assertions++;
    return `${m[1]}__check(${m[2]}, ${m[3]}, ${JSON.stringify(`${example.origin} (+${i + 1})`)});`;
  });
  const src = indexPath.replace(/index\.ts$/, '');
  const body = lines
    .join('\n')
    .replace(/from ['"]support-policy['"]/g, `from ${JSON.stringify(indexPath)}`)
    .replace(/from ['"]support-policy\/([a-z-]+)['"]/g, (whole, subpath: string) => {
      const file = SUBPATHS[subpath];
      return file === undefined ? whole : `from ${JSON.stringify(src + file)}`;
    });
  const header = `import { expect as __expect } from 'vitest';\nconst __check = (actual: unknown, expected: unknown, where: string) => __expect(actual, where).toEqual(expected);\n`;
  return { source: header + body, assertions };
}
