/** Normalised mutual information (arithmetic mean) of two labelings. */
export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = a.length;
  const ca = new Map<string | number, number>();
  const cb = new Map<string | number, number>();
  const joint = new Map<string, { x: string | number; y: string | number; c: number }>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
    const key = `${a[i]}\u0001${b[i]}`;
    const e = joint.get(key);
    if (e) e.c++;
    else joint.set(key, { x: a[i]!, y: b[i]!, c: 1 });
  }
  let mi = 0;
  for (const { x, y, c } of joint.values()) mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  const h = (m: Map<string | number, number>): number => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  const denominator = h(ca) + h(cb);
  return denominator === 0 ? 1 : (2 * mi) / denominator;
}
