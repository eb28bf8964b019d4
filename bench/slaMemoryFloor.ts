/**
 * The memory floor of `measureMany` as columns: what any implementation must do to turn the batch
 * into its answer, and nothing else. It reads every field of the input — each ticket's account
 * (type, plan, add-ons) and each event's type, instant and own field (severity, author or status)
 * — and writes every cell of the answer: the tables `measureMany` returns for the same tickets,
 * with as many rows (targets per ticket and thresholds per target are taken from one real answer,
 * outside the timing) and the same columns (read from that answer, so a column added to it is
 * written here too), each array made new per call as the library makes them. The values written
 * are input values (the ticket's last instant into number cells, its severity into reference
 * cells): no validation, no clocks, no calendar.
 *
 * `measureMany` as columns over this floor says how much of its time is the work of measuring, as
 * opposed to moving the batch through memory. (bench/slaFloor.ts is the other floor: the calendar
 * calls the same tickets need.)
 */
import type { SlaColumns } from '../src/index.js';
import type { SlaTicketInput } from './slaWorkload.js';

/** One table's columns, by kind. */
interface TableLayout {
  readonly numbers: readonly string[];
  readonly indices: readonly string[];
  readonly values: readonly string[];
}

/** How many rows an answer has, and where: per ticket its target rows, per target row its threshold rows. */
export interface AnswerShape {
  readonly tickets: number;
  readonly targetsPerTicket: Uint8Array;
  readonly thresholdsPerTarget: Uint8Array;
  readonly targetRows: number;
  readonly thresholdRows: number;
  readonly layout: { readonly tickets: TableLayout; readonly targets: TableLayout; readonly thresholds: TableLayout };
}

function layoutOf(table: Readonly<Record<string, unknown>>): TableLayout {
  const numbers: string[] = [];
  const indices: string[] = [];
  const values: string[] = [];
  for (const [name, column] of Object.entries(table)) {
    if (name === 'length') continue;
    if (column instanceof Float64Array) numbers.push(name);
    else if (column instanceof Uint32Array) indices.push(name);
    else values.push(name);
  }
  return { numbers, indices, values };
}

/** The shape of `answer`, measureMany's columns for a batch. */
export function answerShape(answer: SlaColumns): AnswerShape {
  const targetsPerTicket = new Uint8Array(answer.tickets.length);
  for (let r = 0; r < answer.targets.length; r++) targetsPerTicket[answer.targets.ticket[r]!]!++;
  const thresholdsPerTarget = new Uint8Array(answer.targets.length);
  for (let k = 0; k < answer.thresholds.length; k++) thresholdsPerTarget[answer.thresholds.target[k]!]!++;
  return {
    tickets: answer.tickets.length,
    targetsPerTicket,
    thresholdsPerTarget,
    targetRows: answer.targets.length,
    thresholdRows: answer.thresholds.length,
    layout: {
      tickets: layoutOf(answer.tickets as unknown as Record<string, unknown>),
      targets: layoutOf(answer.targets as unknown as Record<string, unknown>),
      thresholds: layoutOf(answer.thresholds as unknown as Record<string, unknown>),
    },
  };
}

/** A table being written: its number, index and value columns, made for `rows` rows. */
interface Table {
  readonly numbers: Float64Array[];
  readonly index: Uint32Array;
  readonly values: unknown[][];
  readonly columns: Record<string, unknown>;
}

function makeTable(layout: TableLayout, rows: number): Table {
  const columns: Record<string, unknown> = { length: rows };
  const numbers = layout.numbers.map((name) => (columns[name] = new Float64Array(rows)) as Float64Array);
  const index = new Uint32Array(rows);
  for (const name of layout.indices) columns[name] = index;
  const values = layout.values.map((name) => (columns[name] = new Array<unknown>(rows)) as unknown[]);
  return { numbers, index, values, columns };
}

/** Writes row `r` of `table`: `n` in every number cell, `owner` in the index, `v` in every value cell. */
function writeRow(table: Table, r: number, n: number, owner: number, v: unknown): void {
  const numbers = table.numbers;
  for (let j = 0; j < numbers.length; j++) numbers[j]![r] = n;
  table.index[r] = owner;
  const values = table.values;
  for (let j = 0; j < values.length; j++) values[j]![r] = v;
}

/**
 * Reads every input field of `tickets` and writes every cell of an answer of `shape`; returns the
 * tables (plain records of columns, as many rows as the real answer).
 */
export function memoryFloor(tickets: readonly SlaTicketInput[], shape: AnswerShape): Record<string, unknown> {
  const ticketTable = makeTable(shape.layout.tickets, shape.tickets);
  const targetTable = makeTable(shape.layout.targets, shape.targetRows);
  const thresholdTable = makeTable(shape.layout.thresholds, shape.thresholdRows);
  const perTicket = shape.targetsPerTicket;
  const perTarget = shape.thresholdsPerTarget;
  let r = 0;
  let k = 0;
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i]!;
    const account = ticket.account;
    let value: unknown = account.type;
    if (account.plan !== undefined) value = account.plan;
    if (account.addOns !== undefined && account.addOns.length > 0) value = account.addOns[0];
    const events = ticket.events;
    let last = 0;
    for (let j = 0; j < events.length; j++) {
      const e = events[j]!;
      last = e.at as number;
      switch (e.kind) {
        case 'created':
        case 'severity':
          value = e.severity;
          break;
        case 'reply':
          value = e.author;
          break;
        case 'status':
          value = e.status;
          break;
        default:
          break;
      }
    }
    writeRow(ticketTable, i, last, i, value);
    for (let t = perTicket[i]!; t > 0; t--, r++) {
      writeRow(targetTable, r, last, i, value);
      for (let w = perTarget[r]!; w > 0; w--, k++) writeRow(thresholdTable, k, last, r, value);
    }
  }
  return { tickets: ticketTable.columns, targets: targetTable.columns, thresholds: thresholdTable.columns };
}
