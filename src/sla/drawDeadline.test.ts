import { describe, expect, it } from 'vitest';
import {
  drawDeadline,
  isSupportPolicyError,
  measure,
  parsePolicy,
  standardSupport,
  type TargetMeasurement,
  type TicketEvent,
} from '../index.js';
import { firstExplained } from '../../test/fixtures/sla.js';
import { DEADLINE_COLOURS } from './drawDeadline.js';

// Madrid is UTC+1 in January: support hours 07:00Z–17:00Z.
const z = (iso: string) => Date.parse(`${iso}Z`);
const std = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' };
const friday = z('2026-01-02T16:00'); // Friday 17:00 in Madrid, before a weekend and Epiphany
const events: TicketEvent[] = [
  { kind: 'created', at: friday, severity: 'minor' },
  { kind: 'reply', at: z('2026-01-05T10:00'), author: 'customer' },
];
const explained = (policy = std, timeline = events, now = z('2026-01-05T12:00')): TargetMeasurement =>
  firstExplained(policy, premium, timeline, now);
const target = explained();

/** The attributes of every element `name` with the class `cls`, in order. */
function elements(svg: string, name: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${name} class="${cls}[^"]*"[^>]*>`, 'g'))].map((m) =>
    Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}
const codeAndPath = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isSupportPolicyError(e)) return [e.code, e.path];
    throw e;
  }
  throw new Error('expected an error');
};

describe('drawDeadline', () => {
  it('draws every span as a rect of its kind: the clock so far in one lane, the projected way in the other', () => {
    const svg = drawDeadline(target);
    const rects = elements(svg, 'rect', 'span');
    expect(rects.map((r) => r['class'])).toEqual(
      target.spans!.map((s) => `span ${s.kind}${s.projected ? ' projected' : ''}`),
    );
    expect(new Set(rects.filter((r) => r['class']!.includes('projected')).map((r) => r['y']))).toEqual(
      new Set(['170']),
    );
    expect(new Set(rects.filter((r) => !r['class']!.includes('projected')).map((r) => r['y']))).toEqual(
      new Set(['134']),
    );
    const holiday = rects.find((r) => r['class'] === 'span holiday projected')!;
    expect([holiday['fill'], holiday['data-note']]).toEqual([DEADLINE_COLOURS.holiday[1], 'Epiphany']);
    // The spans run from the left margin to the due instant, at the right end of the axis.
    expect(Number(rects[0]!['x'])).toBe(104);
    const last = rects.at(-1)!;
    expect(Number(last['x']) + Number(last['width'])).toBeCloseTo(936, 0);
  });

  it('marks the start, the events, the warning and the due instant, labelled in the zone of the target', () => {
    const svg = drawDeadline(target, { events });
    expect(elements(svg, 'line', 'marker').map((l) => l['class'])).toEqual([
      'marker start',
      'marker event',
      'marker event',
      'marker warning',
      'marker due',
    ]);
    expect(svg).toContain('>started Fri 02 Jan 2026 17:00 · due Wed 07 Jan 2026 09:00 (Europe/Madrid)</text>');
    expect(svg).toContain('>Epiphany (Tue 6 Jan) closed; 2 nights; 1 weekend</text>');
    expect(svg).toContain('>reply (customer)</text>');
    expect(svg).toContain('>warn-75</text>');
    expect(svg).toContain('<title>firstResponse · PT12H on support-hours · running. started Fri 02 Jan 2026 17:00');
    const [due] = elements(svg, 'line', 'marker due');
    expect([due!['stroke'], due!['stroke-width']]).toEqual([DEADLINE_COLOURS.due, '3']);
  });

  it('labels in another zone or in Spanish when asked', () => {
    expect(drawDeadline(target, { zone: 'America/New_York' })).toContain(
      'due Wed 07 Jan 2026 03:00 (America/New_York)',
    );
    const es = drawDeadline(target, { locale: 'es' });
    expect(es).toContain('>inicio vie 02 ene 2026 17:00 · vence mié 07 ene 2026 09:00 (Europe/Madrid)</text>');
    expect(es).toContain('>Epiphany (mar 6 ene) cerrado; 2 noches; 1 fin de semana</text>');
    expect(es).toContain('>previsto</text>');
    // A language the library does not write: English labels, and the English summary.
    expect(drawDeadline(target, { locale: 'fr' })).toBe(drawDeadline(target));
  });

  it('is deterministic, and draws a target read back from JSON the same', () => {
    expect(drawDeadline(target, { events })).toBe(drawDeadline(target, { events }));
    const copy = JSON.parse(JSON.stringify(target)) as TargetMeasurement;
    expect(drawDeadline(copy, { events })).toBe(drawDeadline(target, { events }));
  });

  it('draws escalations after the due instant, pauses and solved stretches', () => {
    const doc = structuredClone(standardSupport) as any;
    doc.plans.premium.targets = [
      {
        metric: 'firstResponse',
        duration: 'PT12H',
        clock: 'support-hours',
        pauseOn: ['on_hold'],
        thresholds: [
          { id: 'warn-50', percent: 50 },
          { id: 'manager', after: 'PT2H' },
          { id: 'director', percent: 200 },
        ],
      },
    ];
    const timeline: TicketEvent[] = [
      { kind: 'created', at: z('2026-01-12T08:00'), severity: 'minor' },
      { kind: 'status', at: z('2026-01-12T09:00'), status: 'on_hold' },
      { kind: 'status', at: z('2026-01-12T10:00'), status: 'solved' },
      { kind: 'status', at: z('2026-01-12T11:00'), status: 'reopened' },
    ];
    const t = explained(parsePolicy(doc), timeline, z('2026-01-12T12:00'));
    const svg = drawDeadline(t, { events: timeline });
    const kinds = elements(svg, 'line', 'marker').map((l) => l['class']);
    expect(kinds.filter((k) => k !== 'marker event')).toEqual([
      'marker start',
      'marker warning',
      'marker escalation',
      'marker escalation',
      'marker due',
    ]);
    expect(elements(svg, 'rect', 'span paused')[0]).toMatchObject({
      fill: DEADLINE_COLOURS.paused[0],
      'data-note': 'on_hold',
    });
    expect(elements(svg, 'rect', 'span solved')[0]).toMatchObject({ fill: DEADLINE_COLOURS.solved[0] });
    expect(svg).toContain('>status: on_hold</text>');
    expect(svg).toContain('>1 night; paused 1 h (on_hold); solved 1 h</text>');
  });

  it('escapes every text it is given', () => {
    const hostile = { ...JSON.parse(JSON.stringify(target)), id: `a<b>&"c'` } as TargetMeasurement;
    const spans = hostile.spans!.map((s) =>
      s.kind === 'holiday' ? { ...s, holiday: '</text><script>x()</script>' } : s,
    );
    const svg = drawDeadline({ ...hostile, spans }, { events: [{ kind: 'status', at: friday, status: '"><b>' }] });
    expect(svg).not.toMatch(/<script|<b>|"><b/);
    expect(svg).toContain('a&lt;b&gt;&amp;&quot;c&#39;');
    expect(svg).toContain('data-note="&lt;/text&gt;&lt;script&gt;x()&lt;/script&gt;"');
    expect(svg).toContain('>status: &quot;&gt;&lt;b&gt;</text>');
    expect(drawDeadline({ ...hostile, id: 'x\u0000\uD800y' })).toContain('x\uFFFD\uFFFDy');
  });

  it('refuses a target without spans, a bad zone, width or event, with typed errors', () => {
    const plain = measure(std, premium, events, z('2026-01-05T12:00')).targets[0]!;
    expect(codeAndPath(() => drawDeadline(plain))).toEqual(['invalid_results', ['target', 'spans']]);
    expect(codeAndPath(() => drawDeadline(null as never))).toEqual(['invalid_results', ['target']]);
    const badSpan = { ...target, spans: [{ ...target.spans![0]!, kind: 'lunch' }] } as never;
    expect(codeAndPath(() => drawDeadline(badSpan))).toEqual(['invalid_results', ['target', 'spans', 0, 'kind']]);
    expect(codeAndPath(() => drawDeadline(target, { zone: 'Europe/Madird' }))).toEqual([
      'invalid_zone',
      ['options', 'zone'],
    ]);
    expect(codeAndPath(() => drawDeadline(target, { width: 100 }))).toEqual(['invalid_option', ['options', 'width']]);
    expect(codeAndPath(() => drawDeadline(target, { colour: 'red' } as never))).toEqual([
      'invalid_option',
      ['options', 'colour'],
    ]);
    expect(codeAndPath(() => drawDeadline(target, { events: [{ kind: 'reply' }] as never }))).toEqual([
      'invalid_instant',
      ['options', 'events', 0, 'at'],
    ]);
    expect(codeAndPath(() => drawDeadline(target, { events: [{ at: friday }] as never }))).toEqual([
      'invalid_event',
      ['options', 'events', 0, 'kind'],
    ]);
  });

  it('does not depend on the machine zone: the labels are the same under any TZ', () => {
    // The suite runs under two TZ values; the labels are the zone's, checked above, whatever TZ says.
    expect(drawDeadline(target)).toContain('>Mon 05 Jan</text>');
  });
});
