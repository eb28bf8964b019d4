/**
 * The floor of the SLA batch: only the raw calendar calls the tickets need, with plain arithmetic
 * for the 24/7 clock. For each ticket, one loop over its events (up to `now`) derives the running
 * stretches (the ticket not solved; the presets pause on no status), the clocks (first response,
 * follow-up and periodic-update cycles) and the severity changes; then, for each clock that has a target: its open
 * time is `between()` over the stretches it spans, its due instant one `add()`, and its warning
 * instant one `add()` (where the elapsed time reached the threshold, or from now while the clock
 * runs; none for a clock stopped short of it). A business-day target costs an `addBusinessDays()`
 * and a `between()` at the clock's start, as it must; a severity change re-targets a clock that
 * is not ended or breached (one elapsed-time check). No validation and no result objects:
 * elapsed, due and warning instants go into three typed arrays, which also serve to check the
 * floor against measureMany.
 *
 * Compiled with `compileCalendar(preset.calendars[id])`; targets read once per plan and level
 * with `resolveEntitlement`, outside the timed loop. Written for the presets' shape: no pause
 * statuses, no resolution targets, at most one warning threshold per target, one account shape
 * per plan (all checked when the table is built).
 */
import {
  type AccountDefinition,
  type BusinessCalendar,
  compileCalendar,
  type EntitlementSource,
  type Policy,
  type PolicyDefinition,
  resolveEntitlement,
} from '../src/index.js';
import type { SlaTicketInput } from './slaWorkload.js';

const DAY = 86_400_000;

export interface FloorTarget {
  /** `null`: 24/7. */
  readonly cal: BusinessCalendar | null;
  /** Open time, for a `PT…` target (0 for business days). */
  readonly ms: number;
  /** Business days, for a `P…D` target (0 for open time). */
  readonly days: number;
  /** The warning threshold, in percent of the target (0: none). */
  readonly warn: number;
}
export interface FloorTargets {
  readonly fr: FloorTarget | undefined;
  readonly fu: FloorTarget | undefined;
  readonly pu: FloorTarget | undefined;
}
/** Where the floor writes, per clock with a target. */
export interface FloorOutput {
  readonly elapsed: Float64Array;
  readonly due: Float64Array;
  readonly warnAt: Float64Array;
}

/** plan → severity level → targets. */
export type FloorTable = ReadonlyMap<string, ReadonlyMap<string, FloorTargets>>;

/** The table of the plans the accounts use; each preset calendar compiled once. */
export function makeFloorTable(
  definition: PolicyDefinition,
  policy: Policy,
  accounts: readonly AccountDefinition[],
): FloorTable {
  const calendars = new Map<string, BusinessCalendar>();
  const calendar = (id: string): BusinessCalendar | null => {
    if (id === '24/7') return null;
    let cal = calendars.get(id);
    if (cal === undefined) calendars.set(id, (cal = compileCalendar(definition.calendars[id]!)));
    return cal;
  };
  const table = new Map<string, Map<string, FloorTargets>>();
  const shapes = new Map<string, string>();
  for (const account of accounts) {
    const plan = account.plan!;
    const shape = JSON.stringify(account);
    if ((shapes.get(plan) ?? shape) !== shape) throw new Error(`floor: two account shapes for plan ${plan}`);
    shapes.set(plan, shape);
    if (table.has(plan)) continue;
    const levels = new Map<string, FloorTargets>();
    for (const level of resolveEntitlement(policy, account).targets) {
      let fr: FloorTarget | undefined;
      let fu: FloorTarget | undefined;
      let pu: FloorTarget | undefined;
      for (const t of level.targets) {
        if (t.role !== 'target') continue;
        if (t.pauseOn.length > 0 || t.metric === 'resolution')
          throw new Error('floor: pause statuses and resolution targets are not modelled');
        const warn = warningsOf(definition, t.source);
        if (warn.length > 1) throw new Error('floor: more than one warning threshold is not modelled');
        const ft: FloorTarget = {
          cal: calendar(t.clock),
          ms: t.duration.kind === 'time' ? t.duration.ms : 0,
          days: t.duration.kind === 'businessDays' ? t.duration.days : 0,
          warn: warn[0] ?? 0,
        };
        if (t.metric === 'firstResponse') fr = ft;
        else if (t.metric === 'followUp') fu = ft;
        else pu = ft;
      }
      levels.set(level.severity.id, { fr, fu, pu });
    }
    table.set(plan, levels);
  }
  return table;
}

// Scratch space of one ticket (10 events: at most 6 stretches, 19 clocks, 8 severity changes).
const runFrom = new Float64Array(16);
const runTo = new Float64Array(16);
const clockStart = new Float64Array(32);
const clockEnd = new Float64Array(32);
/** 0: first response, 1: follow-up cycle, 2: periodic-update cycle. */
const clockFollowUp = new Uint8Array(32);
const sevAt = new Float64Array(16);
const sevLevel: string[] = new Array<string>(16).fill('');

function targetMs(t: FloorTarget, start: number): number {
  if (t.days === 0) return t.ms;
  if (t.cal === null) return t.days * DAY;
  const ms = t.cal.between(start, t.cal.addBusinessDays(start, t.days));
  return ms > 1 ? ms : 1;
}

/** Open time on `cal` over the running stretches within [from, to). */
function elapsed(cal: BusinessCalendar | null, runs: number, from: number, to: number): number {
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const a = runFrom[r]! > from ? runFrom[r]! : from;
    const b = runTo[r]! < to ? runTo[r]! : to;
    if (a < b) sum += cal === null ? b - a : cal.between(a, b);
  }
  return sum;
}

/** The warning percentages of the policy target an entitled target comes from (else the policy's). */
function warningsOf(definition: PolicyDefinition, source: EntitlementSource): readonly number[] {
  const index = source.path[3];
  const owner = source.kind === 'plan' ? definition.plans[source.id] : definition.addOns?.[source.id];
  const target = typeof index === 'number' ? owner?.targets?.[index] : undefined;
  return target?.warnAtPercent ?? definition.sla?.warnAtPercent ?? [];
}

/**
 * Elapsed, due and warning instants of every clock with a target, in result order (first
 * response, then follow-up cycles, then periodic-update cycles), written from `out.elapsed[0]`, `out.due[0]` and
 * `out.warnAt[0]` on (NaN for a target without a warning, or a warning without an instant);
 * returns how many were written.
 */
export function floorBatch(
  table: FloorTable,
  tickets: readonly SlaTicketInput[],
  now: number,
  out: FloorOutput,
  from = 0,
): number {
  const outElapsed = out.elapsed;
  const outDue = out.due;
  const outWarn = out.warnAt;
  let k = from;
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i]!;
    const events = ticket.events;
    const levels = table.get(ticket.account.plan!)!;
    const created = events[0]!.at as number;
    const initial = (events[0] as { severity: string }).severity;
    // One pass over the events: stretches, clocks, severity changes.
    let runs = 0;
    let running = true;
    let runStart = created;
    let solvedSince = NaN;
    let clocks = 1;
    clockStart[0] = created;
    clockEnd[0] = NaN;
    clockFollowUp[0] = 0;
    let changes = 0;
    let agentReplied = false;
    let cycleOpen = false;
    let updateStart = NaN; // the open periodic-update cycle's start
    for (let j = 1; j < events.length; j++) {
      const e = events[j]!;
      const at = e.at as number;
      if (at > now) break;
      if (e.kind === 'status') {
        const solved = e.status === 'solved';
        if (running && solved) {
          runFrom[runs] = runStart;
          runTo[runs++] = at;
          running = false;
          solvedSince = at;
        } else if (!running && !solved) {
          running = true;
          runStart = at;
        }
      } else if (e.kind === 'reply') {
        if (e.author === 'agent') {
          agentReplied = true;
          // Ends every open clock, but replies at one instant act as one for periodic updates.
          const renews = updateStart !== at;
          for (let c = 0; c < clocks; c++)
            if (clockEnd[c] !== clockEnd[c] && (clockFollowUp[c] !== 2 || renews)) clockEnd[c] = at;
          cycleOpen = false;
          if (renews) {
            updateStart = at;
            clockStart[clocks] = at;
            clockEnd[clocks] = NaN;
            clockFollowUp[clocks++] = 2;
          }
        } else if (e.author === 'customer' && agentReplied && !cycleOpen) {
          clockStart[clocks] = at;
          clockEnd[clocks] = NaN;
          clockFollowUp[clocks++] = 1;
          cycleOpen = true;
        }
      } else if (e.kind === 'severity') {
        sevAt[changes] = at;
        sevLevel[changes++] = e.severity;
      }
    }
    if (running) {
      runFrom[runs] = runStart;
      runTo[runs++] = now;
    }
    // Each clock, in result order (first response, follow-ups, periodic updates): its target
    // (re-targeted by later severity changes), open time, due instant.
    for (let n = 0; n < 3 * clocks; n++) {
      const c = n % clocks;
      const kind = clockFollowUp[c]!;
      if (kind !== Math.floor(n / clocks)) continue;
      const start = clockStart[c]!;
      const end = clockEnd[c]!;
      let level = initial;
      let s = 0;
      for (; s < changes && sevAt[s]! < start; s++) level = sevLevel[s]!;
      const at0 = levels.get(level)!;
      let t = kind === 0 ? at0.fr : kind === 1 ? at0.fu : at0.pu;
      let ms = t === undefined ? 0 : targetMs(t, start);
      for (; s < changes && !(end < sevAt[s]!); s++) {
        if (t !== undefined && elapsed(t.cal, runs, start, sevAt[s]!) > ms) break; // breached: kept
        const next = levels.get(sevLevel[s]!)!;
        t = kind === 0 ? next.fr : kind === 1 ? next.fu : next.pu;
        ms = t === undefined ? 0 : targetMs(t, start);
      }
      if (t === undefined) continue;
      const cal = t.cal;
      const stop = end < now ? end : now;
      const w = t.warn === 0 ? NaN : Math.max(1, Math.ceil((ms * t.warn) / 100));
      let acc = 0;
      let due = NaN;
      let warnAt = NaN;
      for (let r = 0; r < runs; r++) {
        const a = runFrom[r]! > start ? runFrom[r]! : start;
        const b = runTo[r]! < stop ? runTo[r]! : stop;
        if (a >= b) continue;
        const len = cal === null ? b - a : cal.between(a, b);
        if (warnAt !== warnAt && acc + len >= w) warnAt = cal === null ? a + (w - acc) : cal.add(a, w - acc);
        if (due !== due && acc + len >= ms) due = cal === null ? a + (ms - acc) : cal.add(a, ms - acc);
        acc += len;
      }
      if (due !== due) {
        // Not reached: from the stop (the ending reply, or the solve at `now`), else from now.
        const from = end === end ? end : !running ? (solvedSince > start ? solvedSince : start) : now;
        due = cal === null ? from + (ms - acc) : cal.add(from, ms - acc);
      }
      // A warning not reached is projected while the clock runs; a stopped clock has none.
      if (warnAt !== warnAt && w === w && end !== end && running)
        warnAt = cal === null ? now + (w - acc) : cal.add(now, w - acc);
      outElapsed[k] = acc;
      outWarn[k] = warnAt;
      outDue[k++] = due;
    }
  }
  return k;
}
