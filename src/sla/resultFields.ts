import type { Assert, SameType } from '../internal/types.js';
import type { MeasureResult, SlaThreshold, TargetMeasurement } from './types.js';

/**
 * The one description of a result's fields, in the order rows list them, and how each is held as a
 * column: `number` in the table's `Float64Array`s (`NaN` where a row says `null`, for `nullable`
 * ones), `value` in a frozen plain array (texts, booleans, shared objects). `RowSink` builds rows
 * in this order (a test holds it to it), `ColumnsBuilder` lays its tables out from it, and
 * `columnsToResults` reads them back by it.
 */

export interface FieldSpec<K extends string> {
  readonly name: K;
  readonly column: 'number' | 'value';
  readonly nullable?: true;
}

const spec = <K extends string>(name: K, column: 'number' | 'value', nullable?: true): FieldSpec<K> =>
  nullable === undefined ? { name, column } : { name, column, nullable };

/** A ticket's fields, besides its targets (columns: `tickets`). */
export const TICKET_FIELDS = [
  spec('policy', 'value'),
  spec('severity', 'value'),
  spec('plan', 'value'),
  spec('rule', 'value'),
  spec('status', 'value'),
  spec('nextCheckAt', 'number', true),
] as const;

/** A measured target's fields, besides its thresholds and explanation (columns: `targets`). */
export const TARGET_FIELDS = [
  spec('id', 'value'),
  spec('metric', 'value'),
  spec('cycle', 'number', true),
  spec('startedAt', 'number'),
  spec('severity', 'value'),
  spec('plan', 'value'),
  spec('duration', 'value'),
  spec('clock', 'value'),
  spec('source', 'value'),
  spec('targetMs', 'number'),
  spec('state', 'value'),
  spec('dueAt', 'number', true),
  spec('stoppedAt', 'number', true),
  spec('elapsedMs', 'number'),
  spec('remainingMs', 'number'),
  spec('percent', 'number'),
  spec('breachedByMs', 'number'),
] as const;

/** A threshold's fields (columns: `thresholds`). */
export const THRESHOLD_FIELDS = [
  spec('id', 'value'),
  spec('percent', 'number', true),
  spec('afterMs', 'number', true),
  spec('elapsedMs', 'number'),
  spec('at', 'number', true),
  spec('reached', 'value'),
] as const;

type Names<T extends readonly FieldSpec<string>[]> = T[number]['name'];
/** Compile-time check: the descriptions name exactly the rows' fields. */
export type FieldsMatchRows = Assert<
  SameType<
    [Names<typeof TICKET_FIELDS>, Names<typeof TARGET_FIELDS>, Names<typeof THRESHOLD_FIELDS>],
    [
      Exclude<keyof MeasureResult, 'targets'>,
      Exclude<keyof TargetMeasurement, 'thresholds' | 'spans' | 'zone' | 'summary'>,
      keyof SlaThreshold,
    ]
  >
>;

/** The index of each `number` field among its table's number columns, by name. */
export function numberIndex<K extends string>(fields: readonly FieldSpec<K>[]): Readonly<Record<K, number>> {
  const out = {} as Record<K, number>;
  let i = 0;
  for (const f of fields) if (f.column === 'number') out[f.name] = i++;
  return Object.freeze(out);
}

/** The number of `number` fields of a table. */
export const numberCount = (fields: readonly FieldSpec<string>[]) => fields.filter((f) => f.column === 'number').length;

/** A row of a table, read from its columns by the description (`NaN` → `null` where nullable). */
export function rowOf(
  fields: readonly FieldSpec<string>[],
  columns: Readonly<Record<string, ArrayLike<unknown>>>,
  i: number,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of fields) {
    const v = columns[f.name]![i];
    row[f.name] = f.nullable === true && typeof v === 'number' && Number.isNaN(v) ? null : v;
  }
  return row;
}
