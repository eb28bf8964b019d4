/**
 * The demo's HTML report: for every sample ticket, a picture of each measured target's deadline
 * (`drawDeadline`: its spans, events, due instant, thresholds and the library's reason summary),
 * labelled in the ticket's zone. One self-contained file: the pictures are inline SVG, and every
 * text from the data is escaped.
 */
import { drawDeadline, type MeasureResult } from '../src/index.js';
import { local, type Sample, timelineOf } from './demoSamples.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);

/** The report as an HTML page. */
export function demoReportHtml(
  samples: readonly Sample[],
  results: ReadonlyMap<Sample, MeasureResult>,
  now: number,
): string {
  const sections = samples.map((s) => {
    const events = timelineOf(s);
    const pictures = results.get(s)!.targets.map((t) => drawDeadline(t, { events, zone: s.zone }));
    const plan = s.account.addOns ? `${s.account.plan} + ${s.account.addOns.join(', ')}` : s.account.plan!;
    return `<article>
<h2>${escape(`${s.id} · ${plan} · ${s.severity}`)}</h2>
<p>${escape(`Created ${local(events[0]!.at as number, s.zone)} (${s.zone}).`)}</p>
${pictures.join('\n')}
</article>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SLA deadlines of the sample tickets</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #212121; max-width: 1000px; }
article { border-top: 1px solid #bdbdbd; margin-top: 2rem; }
svg { display: block; max-width: 100%; height: auto; margin: 1rem 0; }
</style>
</head>
<body>
<h1>SLA deadlines of the sample tickets</h1>
<p>${escape(`Measured at ${local(now, 'Europe/Madrid')} (Europe/Madrid), on the shipped presets.`)}</p>
${sections.join('\n')}
</body>
</html>
`;
}
