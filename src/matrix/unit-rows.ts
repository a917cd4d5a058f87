import type { Csr } from './csr-rows.ts';

/**
 * Unit-length rows for spherical k-means: dense (`values`, `dim` a row) or
 * sparse (`sparse`: each row's (column, value) pairs), or dense rows held in
 * a RowKernel (WebAssembly memory: dot-kernel.ts), whose `values` is a view.
 */
export interface UnitRows {
  values: Float64Array;
  dim: number;
  /** The rows as compressed sparse rows (values unused). */
  sparse?: Csr;
  /** Dense rows held in a kernel (values is its view): k-means takes its cosines there (same bits). */
  kernel?: RowKernel;
}

/** The state of Elkan's bounds in a k-means run. */
export interface BoundState {
  assign: Int32Array;
  unit: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  moved: Float64Array;
  alone: Float64Array;
  apart: Float64Array;
}

/** What k-means asks of rows held elsewhere (DotKernel): room for centres and bounds, cosines, rounds, sums. */
export interface RowKernel {
  centres(region: 'work' | 'seed', k: number): Float64Array;
  dotter(centres: Float64Array): (i: number, c: number) => number;
  bounds(k: number): BoundState;
  assignRound(bounds: BoundState, centres: Float64Array, k: number, bounded: boolean): number;
  addRows(bounds: BoundState, centres: Float64Array): void;
}
