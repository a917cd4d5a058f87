import type { UnitRows } from './spherical-kmeans.ts';

/**
 * dot-kernel.wat, assembled (wabt 1.0.37: parseWat with SIMD, toBinary). Its
 * one function sums a dot product in two f64x2 lanes as dotAt's four sums
 * (dot-product.ts), adds the tail to the first, and joins them as dotAt does.
 */
const WASM = 'AGFzbQEAAAABCAFgA39/fwF8Ag8BA2VudgZtZW1vcnkCAAEDAgEABwcBA2RvdAAACtMBAdABAwJ7An8BfEQAAAAAAAAAAP0UIQNEAAAAAAAAAAD9FCEEIAJBfHEhBgJAA0AgBSAGTw0BIAMgACAFQQN0av0ABAAgASAFQQN0av0ABAD98gH98AEhAyAEIAAgBUEDdGr9AAQQIAEgBUEDdGr9AAQQ/fIB/fABIQQgBUEEaiEFDAALCyAD/SEAIQcCQANAIAUgAk8NASAHIAAgBUEDdGorAwAgASAFQQN0aisDAKKgIQcgBUEBaiEFDAALCyAHIAP9IQGgIAT9IQAgBP0hAaCgCw==';

/**
 * A sample's rows and k-means centres in WebAssembly memory, for k-means to
 * take its cosines there: the same sums in the same order as dotAt, so the
 * same bits (WebAssembly never fuses a multiply and an add), about 4.7× faster
 * here at 100 dimensions (JS stays at about 1.1 ns a multiply-add). The memory
 * is sized once, for the rows and two sets of up to `maxK` centres (a run's,
 * and its seeding's), and never grows, so the views stay valid.
 */
export class DotKernel {
  private readonly dotAt: (a: number, b: number, dim: number) => number;
  private readonly memory: WebAssembly.Memory;
  private readonly regions: Record<'work' | 'seed', number>;
  readonly rows: UnitRows;

  constructor(x: UnitRows, private readonly maxK: number) {
    if (x.sparse) throw new Error('DotKernel holds dense rows only');
    const rowBytes = x.values.byteLength;
    const centreBytes = maxK * x.dim * 8;
    this.memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((rowBytes + 2 * centreBytes) / 65536)) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM, 'base64')), { env: { memory: this.memory } });
    this.dotAt = instance.exports.dot as (a: number, b: number, dim: number) => number;
    const values = new Float64Array(this.memory.buffer, 0, x.values.length);
    values.set(x.values);
    this.regions = { work: rowBytes, seed: rowBytes + centreBytes };
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
    const dot = this.dotAt;
    return (i, c) => dot(i * rowBytes, at + c * rowBytes, dim);
  }
}
