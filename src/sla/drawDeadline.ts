import type { TargetMeasurement, Timeline } from './types.js';
import { axisTicks } from './deadlineAxis.js';
import { dateTimeLabel, languageOf, WORDS, type Words } from './reasonWords.js';
import { type EventMark, type ExplainedTarget, readDrawOptions, readExplainedTarget } from './readExplainedTarget.js';
import { element, escapeXml, textElement, textWidth } from './svgMarkup.js';

/**
 * Options of {@link drawDeadline}.
 * @category SLA
 */
export interface DrawDeadlineOptions {
  /** The IANA zone of the labels: the target's `zone` when absent, UTC for a 24/7 target. */
  readonly zone?: string;
  /** The labels' language, as a locale tag: English unless it is one the library writes (`es`). */
  readonly locale?: string;
  /** The ticket's events, drawn as markers where they fall within the picture. */
  readonly events?: Timeline;
  /** The picture's width in pixels, 480 to 4000; 960 when absent. */
  readonly width?: number;
}

/**
 * The picture's colours, by what they draw: span kinds (`projected` stretches lighter), the due
 * instant, warnings and escalations. Tests look for them in rendered pictures. @internal
 */
export const DEADLINE_COLOURS = {
  open: ['#2e7d32', '#a5d6a7'],
  closed: ['#757575', '#e0e0e0'],
  holiday: ['#8e24aa', '#e1bee7'],
  paused: ['#f9a825', '#fff59d'],
  solved: ['#1565c0', '#bbdefb'],
  due: '#d32f2f',
  warning: '#ef6c00',
  escalation: '#5d4037',
  marker: '#424242',
  text: '#212121',
} as const;

const C = DEADLINE_COLOURS;
/** Left margin (lane names), right margin; rows of the layout, top to bottom. */
const LEFT = 104;
const RIGHT = 24;
const LABEL_ROWS = [82, 96, 110, 124];
const LANES = [134, 170];
const LANE_HEIGHT = 30;
const AXIS = 208;
const LEGEND = 252;
const HEIGHT = 266;

interface Marker {
  readonly at: number;
  readonly label: string;
  readonly colour: string;
  readonly width: number;
  readonly dash?: string;
  readonly kind: string;
}

/**
 * Draws an explained deadline as an SVG picture: the clock's spans on a time axis (open, closed,
 * holiday, paused, solved; so far, and projected to the due instant), its start and stop, the
 * ticket's events, the due instant, warnings and escalations, and the reason summary.
 *
 * @remarks
 * Pure and deterministic: the same target and options give the same text on every machine, with
 * no DOM and no fonts measured. Labels are in the target's zone (`zone` of an explained target)
 * unless `options.zone` says otherwise, and in English or Spanish (`options.locale`); days and
 * months are spelt from the library's own tables. Every text (ids, statuses, holiday names,
 * events) is escaped. The picture is `width` × 266 px; each span is a `<rect>` with the class
 * `span <kind>` (and `projected`), each marker a `<line>` with the class `marker <kind>` (`due`,
 * `warning`, `escalation`, `start`, `stop`, `event`), so a page may restyle them.
 *
 * @param target - a target measured with `{ explain: true }`, or its JSON
 * @param options - the labels' zone and language, the ticket's events, the width
 * @returns an `<svg>` element as text, with a `<title>`
 * @throws {@link InvalidArgumentError} `invalid_results` for a target without spans or with a
 *   malformed field, `invalid_zone` for an unknown zone, `invalid_event` for an event that is not
 *   an object with a type, `invalid_instant` or `out_of_range` for an event's instant,
 *   `invalid_option` for an unknown option, a locale that is not a text or a width out of range
 * @example
 * ```ts
 * import { drawDeadline, measure, parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const created = Date.parse('2026-01-02T16:00:00Z'); // Friday 17:00 in Madrid
 * const events = [{ kind: 'created', at: created, severity: 'minor' }] as const;
 * const [target] = measure(policy, { type: 'direct', plan: 'premium' }, events, created, { explain: true }).targets;
 * const svg = drawDeadline(target, { events });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="266"'); //=> true
 * svg.includes('>due Wed 07 Jan 2026 09:00</text>'); //=> true
 * svg.includes('>Epiphany (Tue 6 Jan) closed; 2 nights; 1 weekend</text>'); //=> true
 * drawDeadline(target, { events, locale: 'es' }).includes('>vence mié 07 ene 2026 09:00</text>'); //=> true
 * ```
 * @category SLA
 */
export function drawDeadline(target: TargetMeasurement, options?: DrawDeadlineOptions): string {
  const t = readExplainedTarget(target);
  const opts = readDrawOptions(options);
  const zone = opts.zone ?? t.zone ?? 'UTC';
  const language = languageOf(opts.locale) ?? 'en';
  const words = WORDS[language];
  const width = opts.width;
  const t0 = t.startedAt;
  let t1 = t0 + 1;
  for (const s of t.spans) t1 = Math.max(t1, s.to);
  for (const at of [t.dueAt, t.stoppedAt, ...t.thresholds.map((th) => th.at)]) if (at !== null) t1 = Math.max(t1, at);
  const plot = width - LEFT - RIGHT;
  const x = (at: number) => LEFT + ((Math.min(Math.max(at, t0), t1) - t0) / (t1 - t0)) * plot;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}"` +
      ` font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="11" fill="${C.text}">`,
  ];
  const title = `${t.id}${t.cycle === null ? '' : ` #${t.cycle}`} · ${t.duration} ${words.on} ${t.clock} · ${words.states[t.state]}`;
  const dates = [`${words.started} ${dateTimeLabel(t.startedAt, zone, words)}`];
  if (t.stoppedAt !== null) dates.push(`${words.stopped} ${dateTimeLabel(t.stoppedAt, zone, words)}`);
  dates.push(t.dueAt === null ? `${words.due} —` : `${words.due} ${dateTimeLabel(t.dueAt, zone, words)}`);
  out.push(`<title>${escapeXml(`${title}. ${dates.join(', ')} (${zone})`)}</title>`);
  out.push(element('rect', { width, height: HEIGHT, fill: '#ffffff' }));
  out.push(textElement({ x: 16, y: 22, 'font-size': 14, 'font-weight': 'bold' }, title));
  out.push(textElement({ x: 16, y: 42, 'font-size': 12 }, `${dates.join(' · ')} (${zone})`));
  const summary = summaryIn(t.summary, language);
  if (summary !== undefined) out.push(textElement({ x: 16, y: 60, 'font-size': 12 }, summary));

  // The two lanes: the clock's life so far, and its projected way to the due instant.
  [words.soFar, words.projected].forEach((name, lane) =>
    out.push(textElement({ x: LEFT - 8, y: LANES[lane]! + 19, 'text-anchor': 'end' }, name)),
  );
  for (const s of t.spans) {
    const from = x(s.from);
    const note = s.holiday ?? s.status;
    out.push(
      element('rect', {
        class: `span ${s.kind}${s.projected ? ' projected' : ''}`,
        x: from,
        y: LANES[s.projected ? 1 : 0],
        width: Math.max(x(s.to) - from, 0),
        height: LANE_HEIGHT,
        fill: C[s.kind][s.projected ? 1 : 0],
        'data-note': note,
      }),
    );
  }

  const markers = markersOf(t, opts.events, words, zone).filter((m) => m.at >= t0 && m.at <= t1);
  out.push(...drawMarkers(markers, x, width));
  out.push(...drawAxis(t0, t1, zone, words, x, plot));
  out.push(...drawLegend(words));
  out.push('</svg>');
  return out.join('\n');
}

/** The summary in the picture's language: the first locale of that language the target has. */
function summaryIn(summary: Readonly<Record<string, string>>, language: string): string | undefined {
  for (const [locale, text] of Object.entries(summary)) if (languageOf(locale) === language) return text;
  return undefined;
}

function markersOf(t: ExplainedTarget, events: readonly EventMark[], words: Words, zone: string): Marker[] {
  const out: Marker[] = [{ at: t.startedAt, label: words.started, colour: C.marker, width: 1, kind: 'start' }];
  if (t.stoppedAt !== null)
    out.push({ at: t.stoppedAt, label: words.stopped, colour: C.marker, width: 1, kind: 'stop' });
  for (const e of events)
    out.push({ at: e.at, label: e.label, colour: C.marker, width: 1, dash: '2 2', kind: 'event' });
  for (const th of t.thresholds) {
    if (th.at === null) continue;
    const colour = th.escalation ? C.escalation : C.warning;
    out.push({
      at: th.at,
      label: th.id,
      colour,
      width: 2,
      dash: '5 3',
      kind: th.escalation ? 'escalation' : 'warning',
    });
  }
  if (t.dueAt !== null) {
    const label = `${words.due} ${dateTimeLabel(t.dueAt, zone, words)}`;
    out.push({ at: t.dueAt, label, colour: C.due, width: 3, kind: 'due' });
  }
  return out;
}

/** Marker lines over the lanes, their labels above them in the first row where they fit. */
function drawMarkers(markers: readonly Marker[], x: (at: number) => number, width: number): string[] {
  const ends = LABEL_ROWS.map(() => Number.NEGATIVE_INFINITY);
  const lines: string[] = [];
  const labels: string[] = [];
  const byPlace = [...markers].sort((a, b) => a.at - b.at);
  for (const m of byPlace) {
    const at = x(m.at);
    const w = textWidth(m.label);
    const atEnd = at + 3 + w > width - 4;
    const start = atEnd ? at - 3 - w : at + 3;
    let row = ends.findIndex((end) => start > end + 6);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = start + w;
    const y = LABEL_ROWS[row]!;
    lines.push(
      element('line', {
        class: `marker ${m.kind}`,
        x1: at,
        x2: at,
        y1: y + 3,
        y2: AXIS - 4,
        stroke: m.colour,
        'stroke-width': m.width,
        'stroke-dasharray': m.dash,
      }),
    );
    const anchor = atEnd ? 'end' : undefined;
    labels.push(textElement({ x: atEnd ? at - 3 : at + 3, y, fill: m.colour, 'text-anchor': anchor }, m.label));
  }
  // The due instant last, over every other line.
  const due = lines.findIndex((l) => l.includes('class="marker due"'));
  if (due >= 0) lines.push(...lines.splice(due, 1));
  return [...lines, ...labels];
}

function drawAxis(
  t0: number,
  t1: number,
  zone: string,
  words: Words,
  x: (at: number) => number,
  plot: number,
): string[] {
  const out = [element('line', { x1: LEFT, x2: LEFT + plot, y1: AXIS, y2: AXIS, stroke: C.marker })];
  for (const tick of axisTicks(t0, t1, zone, words, Math.max(2, Math.floor(plot / 90)))) {
    const at = x(tick.at);
    out.push(element('line', { x1: at, x2: at, y1: AXIS, y2: AXIS + 6, stroke: C.marker }));
    out.push(textElement({ x: at, y: AXIS + 20, 'text-anchor': 'middle' }, tick.label));
  }
  return out;
}

function drawLegend(words: Words): string[] {
  const out: string[] = [];
  let at = 16;
  const item = (swatch: string, label: string) => {
    out.push(swatch, textElement({ x: at + 16, y: LEGEND }, label));
    at += 16 + textWidth(label) + 18;
  };
  for (const kind of ['open', 'closed', 'holiday', 'paused', 'solved'] as const)
    item(element('rect', { x: at, y: LEGEND - 9, width: 12, height: 10, fill: C[kind][0] }), words.kinds[kind]);
  item(element('rect', { x: at, y: LEGEND - 9, width: 12, height: 10, fill: C.open[1] }), words.projected);
  const line = (colour: string, w: number, dash?: string) =>
    element('line', {
      x1: at,
      x2: at + 12,
      y1: LEGEND - 4,
      y2: LEGEND - 4,
      stroke: colour,
      'stroke-width': w,
      'stroke-dasharray': dash,
    });
  item(line(C.due, 3), words.due);
  item(line(C.warning, 2, '5 3'), words.warning);
  item(line(C.escalation, 2, '5 3'), words.escalation);
  return out;
}
