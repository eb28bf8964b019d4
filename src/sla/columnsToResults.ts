import { argumentError } from '../errors.js';
import { describeValue } from '../internal/describeValue.js';
import { own } from '../internal/record.js';
import type { SlaColumns } from './columnTypes.js';
import { rowOf, TARGET_FIELDS, THRESHOLD_FIELDS, TICKET_FIELDS } from './resultFields.js';
import type { MeasureResult, SlaThreshold, TargetMeasurement } from './types.js';

/** A table as columns by name. */
const cols = (t: object) => t as Readonly<Record<string, ArrayLike<unknown>>>;

/** The columns each table must have: its fields' (src/sla/resultFields.ts), and its reference to the owning table. */
const names = (fields: readonly { name: string }[], ref?: string) => [
  ...(ref === undefined ? [] : [ref]),
  ...fields.map((f) => f.name),
];
const TICKET_COLUMNS = names(TICKET_FIELDS);
const TARGET_COLUMNS = names(TARGET_FIELDS, 'ticket');
const THRESHOLD_COLUMNS = names(THRESHOLD_FIELDS, 'target');

/**
 * The rows of a columnar batch: what {@link measureMany} returns for the same tickets without
 * `{ format: 'columns' }` — for a part of a batch computed elsewhere, or to show one ticket.
 *
 * Numeric columns may be any array-like of numbers (a typed array, or a plain array after JSON).
 *
 * @throws {@link InvalidArgumentError} `invalid_columns` for tables that are not a batch's columns:
 *   a missing table or column, a column of another length than its table, or a reference to a row
 *   out of range or out of order (the path names the column and row)
 * @example
 * ```ts
 * import { columnsToResults, measureMany, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
 * const tickets = [{ account: { type: 'direct' as const, plan: 'enterprise' }, events: [{ kind: 'created' as const, at: monday9, severity: 'critical' }] }];
 * const columns = measureMany(policy, tickets, monday9 + 3_600_000, { format: 'columns' });
 * columns.targets.elapsedMs[0] / 60_000; //=> 60
 * columnsToResults(columns)[0].targets[0].elapsedMs / 60_000; //=> 60
 * ```
 * @category SLA
 */
export function columnsToResults(columns: SlaColumns): MeasureResult[] {
  const tk = table(columns, 'tickets', TICKET_COLUMNS);
  const tg = table(columns, 'targets', TARGET_COLUMNS);
  const wn = table(columns, 'thresholds', THRESHOLD_COLUMNS);
  const { tickets, targets, thresholds } = columns;
  const out: MeasureResult[] = [];
  let r = 0;
  let k = 0;
  for (let i = 0; i < tk; i++) {
    const rows: TargetMeasurement[] = [];
    for (; r < tg && reference(targets.ticket, r, i, tk, ['targets', 'ticket']); r++) {
      const list: SlaThreshold[] = [];
      for (; k < wn && reference(thresholds.target, k, r, tg, ['thresholds', 'target']); k++)
        list.push(Object.freeze(rowOf(THRESHOLD_FIELDS, cols(thresholds), k) as unknown as SlaThreshold));
      const row = rowOf(TARGET_FIELDS, cols(targets), r);
      row['thresholds'] = Object.freeze(list);
      rows.push(Object.freeze(row as unknown as TargetMeasurement));
    }
    const result = rowOf(TICKET_FIELDS, cols(tickets), i);
    result['targets'] = Object.freeze(rows);
    out.push(Object.freeze(result as unknown as MeasureResult));
  }
  // Rows left over point past the last row of their table, or back.
  if (r < tg) reference(targets.ticket, r, tk, tk, ['targets', 'ticket']);
  if (k < wn) reference(thresholds.target, k, tg, tg, ['thresholds', 'target']);
  return out;
}

/** The length of one table, every column checked against it (own properties only). */
function table(columns: SlaColumns, name: keyof SlaColumns, fields: readonly string[]): number {
  const t = typeof columns === 'object' && columns !== null ? own(columns, name) : undefined;
  const length = typeof t === 'object' && t !== null ? own(t, 'length') : undefined;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw argumentError('invalid_columns', [name], 'a table with a length', t);
  }
  for (const f of fields) {
    const column = own(t as object, f) as { length?: unknown } | null | undefined;
    if (typeof column !== 'object' || column === null || column.length !== length) {
      const got =
        typeof column === 'object' && column !== null
          ? `${describeValue(column.length)} entries`
          : describeValue(column);
      throw argumentError('invalid_columns', [name, f], `a column of ${length} entries`, column, got);
    }
  }
  return length;
}

/**
 * Whether row `row` of a grouped table belongs to `owner`, a row of the table it points to
 * (`count` rows); `false` when it belongs to a later one. References must not go back.
 */
function reference(
  refs: ArrayLike<number>,
  row: number,
  owner: number,
  count: number,
  path: readonly [string, string],
): boolean {
  const ref = refs[row]!;
  if (ref === owner && owner < count) return true;
  if (Number.isInteger(ref) && ref > owner && ref < count) return false;
  const to = path[0] === 'targets' ? 'tickets' : 'targets';
  const what = `the index of a row of ${to} (0 to ${count - 1}), not before the previous row's`;
  throw argumentError('invalid_columns', [...path, row], what, ref);
}
