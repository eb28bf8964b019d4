/**
 * `support-policy/arrow`: a batch's columns as Apache Arrow tables, the format DuckDB, Polars and
 * pandas read without conversion. Needs the optional peer dependency `apache-arrow`; the package's
 * main entry never imports it.
 * @packageDocumentation
 * @module support-policy/arrow
 */
import {
  Bool,
  type DataType,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  Table,
  tableToIPC,
  TimestampMillisecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import type { SlaColumns } from '../index.js';
import { fail, optionsObject } from './options.js';

/**
 * What {@link slaColumnsToArrow} gives: one Arrow table per table of the columns, by the same
 * name (`tickets`, `targets`, `thresholds`).
 * @category Arrow
 */
export type SlaArrowTables = { readonly [K in keyof SlaColumns]: Table };

/**
 * What {@link slaColumnsToArrowIPC} gives: each table of the columns as the bytes of an Arrow IPC
 * stream or file, by the same name.
 * @category Arrow
 */
export type SlaArrowBytes = { readonly [K in keyof SlaColumns]: Uint8Array };

/**
 * Options of {@link slaColumnsToArrowIPC}.
 * @category Arrow
 */
export interface ArrowIPCOptions {
  /**
   * `stream` (the default): the IPC streaming format (`.arrows`), which DuckDB, Polars and pandas
   * read and which can be written as it goes. `file`: the random-access file format (`.arrow`,
   * also called Feather v2).
   */
  readonly format?: 'stream' | 'file';
}

/** The name of the column each table gets first: its row number, what `ticket` and `target` refer to. */
const ROW = 'row';

/** A column name whose numbers are instants: `at`, or a name ending in `At` (`startedAt`, `dueAt`). */
const isInstantColumn = (name: string) => name === 'at' || /[a-z]At$/.test(name);

type TypedArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array;

/** The Arrow type of a typed array's elements. */
function typedArrayType(values: TypedArray): DataType | undefined {
  if (values instanceof Float64Array) return new Float64();
  if (values instanceof Float32Array) return new Float32();
  if (values instanceof Int8Array) return new Int8();
  if (values instanceof Int16Array) return new Int16();
  if (values instanceof Int32Array) return new Int32();
  if (values instanceof Uint8Array) return new Uint8();
  if (values instanceof Uint16Array) return new Uint16();
  if (values instanceof Uint32Array) return new Uint32();
  if (values instanceof BigInt64Array) return new Int64();
  return undefined;
}

/**
 * One column as an Arrow vector. Numbers: their typed array's type, `NaN` as null, instants as
 * `Timestamp(ms, UTC)`. Lists: text, booleans or numbers when every entry that is not null is one,
 * else each entry as its JSON text (the shared `duration` and `source` descriptions).
 */
function toVector(name: string, values: unknown, length: number, path: readonly string[]): Vector {
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    const type = typedArrayType(values as TypedArray);
    if (type === undefined || (values as TypedArray).length !== length) {
      fail('invalid_columns', path, `a column of ${length} numbers`, values);
    }
    if (values instanceof Float64Array || values instanceof Float32Array) {
      const numbers = Array.from(values, (v) => (Number.isNaN(v) ? null : v));
      return vectorFromArray(numbers, isInstantColumn(name) ? new TimestampMillisecond('UTC') : type);
    }
    return vectorFromArray(values as never, type);
  }
  if (!Array.isArray(values) || values.length !== length) {
    fail('invalid_columns', path, `a column of ${length} entries`, values);
  }
  const present = values.filter((v) => v !== null && v !== undefined);
  const all = (kind: string) => present.every((v) => typeof v === kind);
  if (present.length > 0 && all('boolean')) return vectorFromArray(values.map(orNull), new Bool());
  if (present.length > 0 && all('number')) {
    const numbers = values.map((v: number | null | undefined) => (v === undefined || Number.isNaN(v) ? null : v));
    return vectorFromArray(numbers, isInstantColumn(name) ? new TimestampMillisecond('UTC') : new Float64());
  }
  if (all('string')) return vectorFromArray(values.map(orNull), new Utf8());
  return vectorFromArray(
    values.map((v) => (v === null || v === undefined ? null : JSON.stringify(v))),
    new Utf8(),
  );
}

const orNull = (v: unknown) => (v === undefined ? null : v);

/** One table of the columns as an Arrow table: its row numbers first, then every column it has. */
function toTable(name: string, table: unknown): Table {
  const length = typeof table === 'object' && table !== null ? (table as { length?: unknown }).length : undefined;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    fail('invalid_columns', [name], 'a table with a length', table);
  }
  const vectors: Record<string, Vector> = { [ROW]: vectorFromArray(Uint32Array.from({ length }, (_, i) => i)) };
  for (const [field, values] of Object.entries(table as object)) {
    if (field === 'length') continue;
    if (field === ROW) fail('invalid_columns', [name, field], `no column named ${ROW}`, values);
    vectors[field] = toVector(field, values, length, [name, field]);
  }
  return new Table(vectors);
}

/**
 * Turns the columns of a batch ({@link support-policy!measureMany} with `{ format: 'columns' }`) into Arrow
 * tables, one per table of the columns, for DuckDB, Polars, pandas or any tool that reads Apache Arrow.
 *
 * @remarks
 * Every table starts with a `row` column, its row numbers (`Uint32`): `targets.ticket` refers to
 * `tickets.row` and `thresholds.target` to `targets.row`. Then come the table's columns, whatever
 * they are, in their order: typed arrays keep their type, with `NaN` as null; numbers of a column
 * named `at` or `…At` are instants, `Timestamp(ms, UTC)`; text and boolean columns become `Utf8`
 * and `Bool`; a column of objects (`duration`, `source`) becomes the JSON text of each. Tables and
 * columns that a later version adds follow the same rules.
 *
 * Needs the optional peer dependency `apache-arrow` (`npm install apache-arrow`).
 *
 * @throws {@link support-policy!InvalidArgumentError} `invalid_columns` for tables that are not a batch's
 *   columns (no `length`, a column of another length, or a column named `row`)
 * @example
 * ```ts
 * import { measureMany, parsePolicy, standardSupport } from 'support-policy';
 * import { slaColumnsToArrow } from 'support-policy/arrow';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z');
 * const columns = measureMany(policy, [
 *   { account: { type: 'direct', plan: 'enterprise' }, events: [{ kind: 'created', at: monday9, severity: 'major' }] },
 * ], monday9 + 3_600_000, { format: 'columns' });
 * const { targets } = slaColumnsToArrow(columns);
 * targets.numRows === columns.targets.length; //=> true
 * String(targets.schema.fields.find((f) => f.name === 'dueAt')?.type); //=> 'Timestamp<MILLISECOND, UTC>'
 * targets.getChild('plan')?.get(0); //=> 'enterprise'
 * ```
 * @category Arrow
 */
export function slaColumnsToArrow(columns: SlaColumns): SlaArrowTables {
  if (typeof columns !== 'object' || columns === null || Object.keys(columns).length === 0) {
    fail('invalid_columns', [], 'the columns of measureMany', columns);
  }
  const tables = Object.entries(columns).map(([name, table]) => [name, toTable(name, table)]);
  return Object.freeze(Object.fromEntries(tables) as SlaArrowTables);
}

/**
 * Writes the columns of a batch as Arrow IPC bytes, one stream (or file) per table: what
 * {@link slaColumnsToArrow} gives, ready to save as `.arrows` files or to send.
 *
 * @throws {@link support-policy!InvalidArgumentError} `invalid_columns` as {@link slaColumnsToArrow};
 *   `invalid_option` for options that are not an object, an unknown key (at its path, such as
 *   `options.fromat`), or a format other than `stream` or `file`
 * @example
 * ```ts
 * import { measureMany, parsePolicy, standardSupport } from 'support-policy';
 * import { slaColumnsToArrowIPC } from 'support-policy/arrow';
 * import { tableFromIPC } from 'apache-arrow';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z');
 * const columns = measureMany(policy, [
 *   { account: { type: 'direct', plan: 'enterprise' }, events: [{ kind: 'created', at: monday9, severity: 'major' }] },
 * ], monday9 + 3_600_000, { format: 'columns' });
 * const bytes = slaColumnsToArrowIPC(columns); // e.g. writeFileSync('targets.arrows', bytes.targets)
 * tableFromIPC(bytes.tickets).getChild('severity')?.toArray(); //=> ['major']
 * ```
 * @category Arrow
 */
export function slaColumnsToArrowIPC(columns: SlaColumns, options?: ArrowIPCOptions): SlaArrowBytes {
  // No options are an empty object read the same way, so that a polluted prototype's `format` is not read.
  const opts = optionsObject(options === undefined ? {} : options, ['format']);
  const format = opts['format'] ?? 'stream';
  if (format !== 'stream' && format !== 'file') {
    fail('invalid_option', ['options', 'format'], 'stream or file', format);
  }
  const tables = Object.entries(slaColumnsToArrow(columns)).map(([name, table]) => [name, tableToIPC(table, format)]);
  return Object.freeze(Object.fromEntries(tables) as SlaArrowBytes);
}
