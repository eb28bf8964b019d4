/**
 * `npm run docs:pictures`: draws the picture of docs/sla.md, `docs/images/explained-deadline.svg`,
 * with `drawDeadline`: the guide's Premium ticket of Friday 2 January 2026 17:00 in Madrid, after a
 * customer's reply on Monday, measured on Monday at 13:00. A test checks that the committed file is
 * what the function draws now (test/docs/deadlinePicture.test.ts); run this after changing it.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawDeadline, measure, parsePolicy, standardSupport, type TicketEvent } from '../src/index.js';

/** Where the picture is committed. */
export const DOCS_PICTURE = fileURLToPath(new URL('../docs/images/explained-deadline.svg', import.meta.url));

/** The guide's picture, as `drawDeadline` draws it. */
export function docsDeadlineSvg(): string {
  const policy = parsePolicy(standardSupport);
  const events: TicketEvent[] = [
    { kind: 'created', at: Date.parse('2026-01-02T16:00:00Z'), severity: 'minor' }, // Friday 17:00 in Madrid
    { kind: 'reply', at: Date.parse('2026-01-05T10:00:00Z'), author: 'customer' }, // Monday 11:00
  ];
  const now = Date.parse('2026-01-05T12:00:00Z'); // Monday 13:00
  const [target] = measure(policy, { type: 'direct', plan: 'premium' }, events, now, { explain: true }).targets;
  return `${drawDeadline(target!, { events })}\n`;
}

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  mkdirSync(dirname(DOCS_PICTURE), { recursive: true });
  writeFileSync(DOCS_PICTURE, docsDeadlineSvg());
  console.log(`wrote ${DOCS_PICTURE}`);
}
