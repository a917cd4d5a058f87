/**
 * Two sums per term number (suggestions and occurrences, or suggestions and
 * weight), added densely and taken out as sparse arrays of the terms touched,
 * ascending, which clears them for the next group. Each sum adds in the
 * order `add` is called.
 */
export class TermSums<Second extends Int32Array | Float64Array> {
  private readonly first: Int32Array;
  private readonly second: Second;
  private touched: number[] = [];

  /** `terms`: how many term numbers; `column` makes the second sum's array (Int32Array or Float64Array). */
  constructor(
    terms: number,
    private readonly column: (length: number) => Second,
  ) {
    this.first = new Int32Array(terms);
    this.second = column(terms);
  }

  /** Add to a term's sums; `first` must be positive (a term is touched when its first sum leaves 0). */
  add(id: number, first: number, second: number): void {
    if (this.first[id] === 0) this.touched.push(id);
    this.first[id]! += first;
    this.second[id]! += second;
  }

  take(): { ids: Int32Array; first: Int32Array; second: Second } {
    const ids = Int32Array.from(this.touched).sort();
    const first = new Int32Array(ids.length);
    const second = this.column(ids.length);
    ids.forEach((id, k) => {
      first[k] = this.first[id]!;
      second[k] = this.second[id]!;
      this.first[id] = 0;
      this.second[id] = 0;
    });
    this.touched = [];
    return { ids, first, second };
  }
}
