import type { UnitRows } from './spherical-kmeans.ts';

/**
 * dot-kernel.wat, assembled (wabt 1.0.37: parseWat with SIMD, toBinary). `dot`
 * sums a dot product in two f64x2 lanes as dotAt's four sums (dot-product.ts),
 * adds the tail to the first, and joins them as dotAt does; `subtractAndDot`
 * is truncated-svd.ts's Gram–Schmidt step (c −= d·q, then next · c) the same way;
 * `addRows` sums rows into their centres, each entry in row order.
 */
const WASM = 'AGFzbQEAAAABGQNgA39/fwF8YAV/f3x/fwF8YAV/f39/fwACDwEDZW52Bm1lbW9yeQIAAQMEAwABAgciAwNkb3QAAA5zdWJ0cmFjdEFuZERvdAABB2FkZFJvd3MAAgq7BQPQAQMCewJ/AXxEAAAAAAAAAAD9FCEDRAAAAAAAAAAA/RQhBCACQXxxIQYCQANAIAUgBk8NASADIAAgBUEDdGr9AAQAIAEgBUEDdGr9AAQA/fIB/fABIQMgBCAAIAVBA3Rq/QAEECABIAVBA3Rq/QAEEP3yAf3wASEEIAVBBGohBQwACwsgA/0hACEHAkADQCAFIAJPDQEgByAAIAVBA3RqKwMAIAEgBUEDdGorAwCioCEHIAVBAWohBQwACwsgByAD/SEBoCAE/SEAIAT9IQGgoAu4AgYDewJ/AXwBfwJ7AXwgAv0UIQdEAAAAAAAAAAD9FCEFRAAAAAAAAAAA/RQhBiAEQXxxIQkCQANAIAggCU8NASAAIAhBA3RqIQsgC/0ABAAgByABIAhBA3Rq/QAEAP3yAf3xASEMIAv9AAQQIAcgASAIQQN0av0ABBD98gH98QEhDSALIAz9CwQAIAsgDf0LBBAgBSADIAhBA3Rq/QAEACAM/fIB/fABIQUgBiADIAhBA3Rq/QAEECAN/fIB/fABIQYgCEEEaiEIDAALCyAF/SEAIQoCQANAIAggBE8NASAAIAhBA3RqIQsgCysDACACIAEgCEEDdGorAwCioSEOIAsgDjkDACAKIAMgCEEDdGorAwAgDqKgIQogCEEBaiEIDAALCyAKIAX9IQGgIAb9IQAgBv0hAaCgC6wBAQd/IAJBA3QhCiACQX5xIQkCQANAIAUgAU8NASAAIAUgCmxqIQcgBCADIAVBAnRqKAIAIApsaiEIQQAhBgJAA0AgBiAJTw0BIAggBkEDdGohCyALIAv9AAQAIAcgBkEDdGr9AAQA/fAB/QsEACAGQQJqIQYMAAsLIAYgAkkEQCAIIAZBA3RqIQsgCyALKwMAIAcgBkEDdGorAwCgOQMACyAFQQFqIQUMAAsLCw==';

/**
 * A sample's rows and k-means centres in WebAssembly memory, for k-means to
 * take its cosines there: the same sums in the same order as dotAt, so the
 * same bits (WebAssembly never fuses a multiply and an add), about 4.7× faster
 * here at 100 dimensions (JS stays at about 1.1 ns a multiply-add). The memory
 * is sized once, for the rows and two sets of up to `maxK` centres (a run's,
 * and its seeding's), and never grows, so the views stay valid.
 */
export class DotKernel {
  private readonly kernel: Kernel;
  private readonly memory: WebAssembly.Memory;
  private readonly regions: Record<'work' | 'seed' | 'assign', number>;
  readonly rows: UnitRows;

  constructor(x: UnitRows, private readonly maxK: number) {
    if (x.sparse) throw new Error('DotKernel holds dense rows only');
    const rowBytes = x.values.byteLength;
    const centreBytes = maxK * x.dim * 8;
    const assignBytes = (x.values.length / x.dim) * 4;
    this.memory = new WebAssembly.Memory({ initial: pagesFor(rowBytes + 2 * centreBytes + assignBytes) });
    this.kernel = instantiate(this.memory);
    const values = new Float64Array(this.memory.buffer, 0, x.values.length);
    values.set(x.values);
    this.regions = { work: rowBytes, seed: rowBytes + centreBytes, assign: rowBytes + 2 * centreBytes };
    this.rows = { values, dim: x.dim, kernel: this };
  }

  /** Room for k centres (zeros), `work` for a run's, `seed` for its seeding's; the same room each time it is asked for. */
  centres(region: 'work' | 'seed', k: number): Float64Array {
    if (k > this.maxK) throw new RangeError(`DotKernel holds at most ${this.maxK} centres, not ${k}`);
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

  /** Adds every row to its centre (`assign`, one per row) in `centres`, held here; each entry sums the rows in order, as addRow does. */
  addRows(assign: Int32Array, centres: Float64Array): void {
    const n = this.rows.values.length / this.rows.dim;
    if (assign.length !== n) throw new RangeError(`addRows: ${assign.length} assignments for ${n} rows`);
    new Int32Array(this.memory.buffer, this.regions.assign, n).set(assign);
    this.kernel.addRows(0, n, this.rows.dim, this.regions.assign, centres.byteOffset);
  }
}

/**
 * Columns of equal length copied into WebAssembly memory, for Gram–Schmidt
 * (truncated-svd.ts orthonormalise) to run its passes there: the same
 * operations in the same order as in JS, so the same bits; `copyBack` puts
 * them back.
 */
export class HeldColumns {
  private readonly kernel: Kernel;
  private readonly bytes: number;
  readonly views: Float64Array[];

  constructor(cols: readonly Float64Array[]) {
    const length = cols[0]?.length ?? 0;
    this.bytes = length * 8;
    const memory = new WebAssembly.Memory({ initial: pagesFor(cols.length * this.bytes) });
    this.kernel = instantiate(memory);
    this.views = cols.map((c, k) => {
      const v = new Float64Array(memory.buffer, k * this.bytes, length);
      v.set(c);
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

  copyBack(cols: Float64Array[]): void {
    cols.forEach((c, k) => c.set(this.views[k]!));
  }
}

interface Kernel {
  dot(a: number, b: number, n: number): number;
  subtractAndDot(c: number, q: number, d: number, next: number, n: number): number;
  addRows(rows: number, n: number, dim: number, assign: number, centres: number): void;
}

function instantiate(memory: WebAssembly.Memory): Kernel {
  return new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM, 'base64')), { env: { memory } }).exports as unknown as Kernel;
}

/** WebAssembly pages (64 KiB) for `bytes`, at least one. */
function pagesFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 65536));
}
