/**
 * The numeric columns of one table, all in one ArrayBuffer with room for `capacity` rows:
 * `floats` Float64Array columns, then an index column (a Uint32Array), each a run of the buffer.
 * Rows are written in place; the table's columns are views of their first `rows` entries.
 * @internal
 */
export class NumberTable {
  capacity: number;
  floats: Float64Array[];
  index: Uint32Array;

  constructor(
    private readonly count: number,
    capacity: number,
  ) {
    this.capacity = capacity;
    const { floats, index } = this.views(capacity, capacity);
    this.floats = floats;
    this.index = index;
  }

  private views(capacity: number, length: number): { floats: Float64Array[]; index: Uint32Array } {
    const memory = new ArrayBuffer(capacity * (8 * this.count + 4));
    const floats: Float64Array[] = [];
    for (let j = 0; j < this.count; j++) floats.push(new Float64Array(memory, j * capacity * 8, length));
    return { floats, index: new Uint32Array(memory, this.count * capacity * 8, length) };
  }

  /** Room for one more row after `rows`: grows by half when full, and then says so. */
  reserve(rows: number): boolean {
    if (rows < this.capacity) return false;
    this.resize(Math.ceil(1.5 * this.capacity) + 16);
    return true;
  }

  /** Moves the rows to a buffer with room for `capacity` rows (at least as many as are written). */
  resize(capacity: number): void {
    const { floats, index } = this.views(capacity, capacity);
    const keep = Math.min(capacity, this.capacity);
    for (let j = 0; j < this.count; j++) floats[j]!.set(this.floats[j]!.subarray(0, keep));
    index.set(this.index.subarray(0, keep));
    this.capacity = capacity;
    this.floats = floats;
    this.index = index;
  }

  /**
   * The columns of the first `rows` rows, on the same buffer: moved first to a buffer of exactly
   * that many rows when the room left is more than a quarter of them, since a transfer or a
   * structured clone moves the whole buffer.
   */
  columns(rows: number): { floats: Float64Array[]; index: Uint32Array } {
    if (this.capacity > Math.ceil(1.25 * rows)) this.resize(rows);
    const buffer = this.index.buffer;
    const floats = this.floats.map((_, j) => new Float64Array(buffer, j * this.capacity * 8, rows));
    return { floats, index: new Uint32Array(buffer, this.count * this.capacity * 8, rows) };
  }
}
