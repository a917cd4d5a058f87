import { DOT_KERNEL_WASM } from './dot-kernel-wasm.ts';
import type { BoundState, RowKernel, UnitRows } from './unit-rows.ts';

/**
 * Rows and k-means centres in WebAssembly memory, for k-means to take its
 * cosines, assignment rounds and centre sums there: the same sums in the same
 * order as in JS, so the same bits (WebAssembly never fuses a multiply and an
 * add); a cosine about 4.7× faster here at 100 dimensions (JS stays at about
 * 1.1 ns a multiply-add). The memory is sized once, for the rows, two sets of
 * up to `maxK` centres (a run's, and its seeding's) and one run's bounds, and
 * never grows, so the views stay valid.
 */
export class DotKernel implements RowKernel {
  private readonly kernel: Kernel;
  private readonly memory: WebAssembly.Memory;
  private readonly regions: Record<'work' | 'seed' | 'upper' | 'lower' | 'moved' | 'alone' | 'apart' | 'assign' | 'unit', number>;
  readonly rows: UnitRows;

  /** A copy of `x`'s rows, or room for `rows` rows of `dim` (zeros) to be written through `rows.values`. */
  constructor(
    x: UnitRows | { rows: number; dim: number },
    private readonly maxK: number,
  ) {
    if ('sparse' in x && x.sparse) throw new Error('DotKernel holds dense rows only');
    const n = 'values' in x ? x.values.length / x.dim : x.rows;
    const rowBytes = n * x.dim * 8;
    // f64 regions first, then the i32 ones: every region aligned to its element
    const sizes = {
      work: maxK * x.dim * 8,
      seed: maxK * x.dim * 8,
      upper: n * 8,
      lower: n * maxK * 8,
      moved: maxK * 8,
      alone: maxK * 8,
      apart: maxK * maxK * 8,
      assign: n * 4,
      unit: n * 4,
    };
    let end = rowBytes;
    const regions = {} as Record<keyof typeof sizes, number>;
    for (const [name, bytes] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
      regions[name] = end;
      end += bytes;
    }
    this.memory = new WebAssembly.Memory({ initial: pagesFor(end) });
    this.kernel = instantiate(this.memory);
    const values = new Float64Array(this.memory.buffer, 0, n * x.dim);
    if ('values' in x) values.set(x.values);
    this.regions = regions;
    this.rows = { values, dim: x.dim, kernel: this };
  }

  /** Room for k centres (zeros), `work` for a run's, `seed` for its seeding's; the same room each time it is asked for. */
  centres(region: 'work' | 'seed', k: number): Float64Array {
    this.checkRoom(k);
    return new Float64Array(this.memory.buffer, this.regions[region], k * this.rows.dim).fill(0);
  }

  /** Cosines of the rows with centres held here: (row i, centre c). */
  dotter(centres: Float64Array): (i: number, c: number) => number {
    const dim = this.rows.dim;
    const rowBytes = dim * 8;
    const at = centres.byteOffset;
    const dot = this.kernel.dot;
    return (i, c) => dot(i * rowBytes, at + c * rowBytes, dim);
  }

  /**
   * The state of Elkan's bounds for a run with k centres (spherical-kmeans.ts BoundState), held
   * here: zeros, and no row assigned (-1). The same room each time it is asked for.
   */
  bounds(k: number): BoundState {
    this.checkRoom(k);
    const n = this.rows.values.length / this.rows.dim;
    const f64 = (region: 'upper' | 'lower' | 'moved' | 'alone' | 'apart', length: number): Float64Array =>
      new Float64Array(this.memory.buffer, this.regions[region], length).fill(0);
    return {
      assign: new Int32Array(this.memory.buffer, this.regions.assign, n).fill(-1),
      unit: new Int32Array(this.memory.buffer, this.regions.unit, n).fill(0),
      upper: f64('upper', n),
      lower: f64('lower', n * k),
      moved: f64('moved', k),
      alone: f64('alone', k),
      apart: f64('apart', k * k),
    };
  }

  /** spherical-kmeans.ts assignRound on `bounds` (from this kernel) and `centres` (held here): the rows that changed centre. */
  assignRound(bounds: BoundState, centres: Float64Array, k: number, bounded: boolean): number {
    const n = bounds.assign.length;
    const r = this.regions;
    return this.kernel.assignRound(
      n,
      k,
      this.rows.dim,
      centres.byteOffset,
      bounded ? 1 : 0,
      r.assign,
      r.unit,
      r.upper,
      r.lower,
      r.moved,
      r.alone,
      r.apart,
    );
  }

  /**
   * Adds every row to its centre (`bounds.assign`, of `bounds` from this kernel) in `centres`, held
   * here; each entry sums the rows in order, as addRow does.
   */
  addRows(bounds: BoundState, centres: Float64Array): void {
    this.kernel.addRows(0, bounds.assign.length, this.rows.dim, this.regions.assign, centres.byteOffset);
  }

  private checkRoom(k: number): void {
    if (k > this.maxK) throw new RangeError(`DotKernel holds at most ${this.maxK} centres, not ${k}`);
  }
}

/**
 * Columns of equal length copied into WebAssembly memory, for Gram–Schmidt
 * (truncated-svd.ts orthonormalise) to run its passes there, and for the
 * SVD's Gram matrix and directions: the same operations in the same order as
 * in JS, so the same bits; `views` read and write them. `extra` zero columns
 * (of `length`) follow the copied ones.
 */
export class HeldColumns {
  private readonly kernel: Kernel;
  private readonly bytes: number;
  readonly views: Float64Array[];

  constructor(cols: readonly Float64Array[], extra = 0, length = cols[0]?.length ?? 0) {
    this.bytes = length * 8;
    const memory = new WebAssembly.Memory({ initial: pagesFor((cols.length + extra) * this.bytes) });
    this.kernel = instantiate(memory);
    this.views = Array.from({ length: cols.length + extra }, (_, k) => {
      const v = new Float64Array(memory.buffer, k * this.bytes, length);
      if (k < cols.length) v.set(cols[k]!);
      return v;
    });
  }

  /** Column a · column b. */
  dot(a: number, b: number): number {
    return this.kernel.dot(a * this.bytes, b * this.bytes, this.bytes / 8);
  }

  /** Column c −= d · column q, then column next · column c. */
  subtractAndDot(c: number, q: number, d: number, next: number): number {
    return this.kernel.subtractAndDot(c * this.bytes, q * this.bytes, d, next * this.bytes, this.bytes / 8);
  }

  /** Column c −= d · column q. */
  subtractScaled(c: number, q: number, d: number): void {
    this.kernel.subtractScaled(c * this.bytes, q * this.bytes, d, this.bytes / 8);
  }
}

/**
 * A basis laid out term by term (a term's `rank` coordinates together) in
 * WebAssembly memory, for truncated-svd.ts's projection to sum a row's
 * coordinates there: each coordinate's products in entry order, as in JS,
 * so the same bits.
 */
export class HeldBasis {
  private readonly kernel: Kernel;
  private readonly memory: WebAssembly.Memory;
  private readonly acrossBytes: number;
  private capacity = 0;
  private at = new Int32Array(0);
  private xs = new Float64Array(0);
  private out = new Float64Array(0);

  constructor(
    terms: number,
    readonly rank: number,
  ) {
    this.acrossBytes = terms * rank * 8;
    this.memory = new WebAssembly.Memory({ initial: pagesFor(this.acrossBytes + rank * 8) });
    this.kernel = instantiate(this.memory);
    this.room(64);
  }

  /** The basis, to be written: term j's coordinate k at j · rank + k. */
  get across(): Float64Array {
    return new Float64Array(this.memory.buffer, 0, this.acrossBytes / 8);
  }

  /**
   * Room for a row of up to `longest` entries, to be written in place: `at[t]`, an entry's term
   * times rank, and `xs[t]`, its value. The views hold until the next call.
   */
  entries(longest: number): { at: Int32Array; xs: Float64Array } {
    if (longest > this.capacity) this.room(longest);
    return { at: this.at, xs: this.xs };
  }

  /** The coordinates of the row of `m` entries written through entries() into `into` at `offset`: out[k] = Σ xs[t] · across[at[t] + k]. */
  projectRow(m: number, into: Float64Array, offset: number): void {
    this.kernel.projectRow(0, this.at.byteOffset, this.xs.byteOffset, m, this.rank, this.out.byteOffset);
    into.set(this.out, offset);
  }

  /** Room for rows of up to `m` entries after the basis (the memory grows; the views are made again). */
  private room(m: number): void {
    const need = this.acrossBytes + this.rank * 8 + m * 8 + m * 4;
    const have = this.memory.buffer.byteLength;
    if (need > have) this.memory.grow(pagesFor(need - have));
    const buffer = this.memory.buffer;
    // f64 views first (aligned: the basis and the output are whole f64s), then the i32 one
    this.out = new Float64Array(buffer, this.acrossBytes, this.rank);
    this.xs = new Float64Array(buffer, this.acrossBytes + this.rank * 8, m);
    this.at = new Int32Array(buffer, this.acrossBytes + this.rank * 8 + m * 8, m);
    this.capacity = m;
  }
}

/**
 * A sparse matrix A (n rows, `columns` columns) in WebAssembly memory, for
 * the SVD's products with `l` vectors at once (truncated-svd.ts): each entry
 * of A is read once for all of them, the vectors' values at an index sitting
 * together, two in f64x2 lanes. Each output sums its products in the same
 * order as one vector at a time in JS, so the same bits.
 */
export class HeldCsr {
  private readonly kernel: Kernel;
  private readonly at: { rowStart: number; cols: number; vals: number };
  private readonly wide: Float64Array;
  private readonly narrow: Float64Array;

  constructor(
    rows: { rowStart: Int32Array; cols: Int32Array; vals: Float64Array },
    columns: number,
    private readonly l: number,
  ) {
    const n = rows.rowStart.length - 1;
    const entries = rows.cols.length;
    // f64 regions first (vals, then l vectors of `columns`, then l of n), then the i32 ones
    const vals = 0;
    const wide = vals + entries * 8;
    const narrow = wide + columns * l * 8;
    const rowStart = narrow + n * l * 8;
    const cols = rowStart + (n + 1) * 4;
    const memory = new WebAssembly.Memory({ initial: pagesFor(cols + entries * 4) });
    this.kernel = instantiate(memory);
    new Float64Array(memory.buffer, vals, entries).set(rows.vals);
    new Int32Array(memory.buffer, rowStart, n + 1).set(rows.rowStart);
    new Int32Array(memory.buffer, cols, entries).set(rows.cols);
    this.wide = new Float64Array(memory.buffer, wide, columns * l);
    this.narrow = new Float64Array(memory.buffer, narrow, n * l);
    this.at = { rowStart, cols, vals };
  }

  /** A x for each x of `xs` (l vectors of length `columns`): l columns of length n, held. */
  times(xs: readonly Float64Array[]): HeldColumns {
    return this.product(this.kernel.csrTimes, xs, this.wide, this.narrow, 0);
  }

  /** Aᵀ x for each x of `xs` (l vectors of length n): l columns of length `columns`, held, then `extra` zero columns. */
  transposedTimes(xs: readonly Float64Array[], extra = 0): HeldColumns {
    return this.product(this.kernel.csrTransposedTimes, xs, this.narrow, this.wide, extra);
  }

  private product(
    f: Kernel['csrTimes'],
    xs: readonly Float64Array[],
    input: Float64Array,
    output: Float64Array,
    extra: number,
  ): HeldColumns {
    interleave(xs, input, this.l);
    output.fill(0);
    const { rowStart, cols, vals } = this.at;
    f(rowStart, cols, vals, this.narrow.length / this.l, input.byteOffset, this.l, output.byteOffset);
    const held = new HeldColumns([], this.l + extra, output.length / this.l);
    deinterleave(output, held.views.slice(0, this.l));
    return held;
  }
}

/** l vectors of one length m into `into` as m × l: entry j of vector k at j · l + k. */
function interleave(xs: readonly Float64Array[], into: Float64Array, l: number): void {
  // index by index, so the writes run straight through `into` (and each vector is read in order)
  const m = xs[0]?.length ?? 0;
  for (let j = 0, at = 0; j < m; j++) for (let k = 0; k < l; k++) into[at++] = xs[k]![j]!;
}

/** The vectors of an m × l interleaved array into `into` (l vectors of length m). */
function deinterleave(m: Float64Array, into: readonly Float64Array[]): void {
  const l = into.length;
  const length = m.length / l;
  // index by index, so the reads run straight through m
  for (let j = 0, at = 0; j < length; j++) for (let k = 0; k < l; k++) into[k]![j] = m[at++]!;
}

interface Kernel {
  dot(a: number, b: number, n: number): number;
  subtractAndDot(c: number, q: number, d: number, next: number, n: number): number;
  addRows(rows: number, n: number, dim: number, assign: number, centres: number): void;
  assignRound(
    n: number,
    k: number,
    dim: number,
    centres: number,
    bounded: number,
    assign: number,
    unit: number,
    upper: number,
    lower: number,
    moved: number,
    alone: number,
    apart: number,
  ): number;
  projectRow(across: number, at: number, xs: number, m: number, rank: number, out: number): void;
  csrTimes(rowStart: number, cols: number, vals: number, n: number, x: number, l: number, out: number): void;
  csrTransposedTimes(rowStart: number, cols: number, vals: number, n: number, x: number, l: number, out: number): void;
  subtractScaled(c: number, q: number, d: number, n: number): void;
}

/**
 * dot-kernel.wat (assembled into dot-kernel-wasm.ts by `npm run build:wasm`). `dot`
 * sums a dot product in two f64x2 lanes as dotAt's four sums (dot-product.ts),
 * adds the tail to the first, and joins them as dotAt does; `subtractAndDot`
 * is truncated-svd.ts's Gram–Schmidt step (c −= d·q, then next · c) the same way;
 * `addRows` sums rows into their centres, each entry in row order; `assignRound`
 * is spherical-kmeans.ts's assignRound, the same tests and cosines in the same order;
 * `projectRow` is truncated-svd.ts projectOn's sums for one row; `csrTimes` and
 * `csrTransposedTimes` are its sparse products, many vectors at once;
 * `subtractScaled` is its c −= d·q. The module is compiled on first use and kept for
 * the process: every kernel instantiates it with its own memory.
 */
let compiled: WebAssembly.Module | null = null;

function instantiate(memory: WebAssembly.Memory): Kernel {
  compiled ??= new WebAssembly.Module(Buffer.from(DOT_KERNEL_WASM, 'base64'));
  return new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as Kernel;
}

/** WebAssembly pages (64 KiB) for `bytes`, at least one. */
function pagesFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 65536));
}
