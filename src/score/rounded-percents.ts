/**
 * Percentages of `counts` rounded to `decimals` places that add up to exactly
 * 100, as district reports print them: each share is rounded half up, and the
 * rounding remainder (a few hundredths at most) is put on the largest item
 * (the first of equals). 67 suggestions split 11/24/8/8/16 give
 * 16.4/35.9/11.9/11.9/23.9, the figures of the 2021 report.
 */
export function roundedPercents(counts: readonly number[], decimals: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const scale = 10 ** decimals;
  const units = counts.map((c) => Math.round((c / total) * 100 * scale + 1e-9));
  const remainder = 100 * scale - units.reduce((a, b) => a + b, 0);
  if (remainder !== 0) {
    let largest = 0;
    counts.forEach((c, i) => {
      if (c > counts[largest]!) largest = i;
    });
    units[largest]! += remainder;
  }
  return units.map((u) => u / scale);
}
