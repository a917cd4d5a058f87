import { bestOfRestarts } from '../matrix/spherical-kmeans.ts';
import type { UnitRows } from '../matrix/unit-rows.ts';
import type { TermIndex } from './term-index.ts';
import { classTfIdf, topicsNpmi } from './topic-terms.ts';

/**
 * Choose k: for each k from 3 up, cluster (best of `restartsPerK` seeded runs; 3 as shipped), and
 * measure how coherent each topic's top-10 words are (NPMI over the
 * suggestions); the score of a k is the mean coherence weighted by topic size,
 * so a topic counts by how many suggestions it describes. Take the most
 * coherent k. (Tried and rejected, on the labelled messages: the unweighted
 * mean, which a single tiny topic of rare words swings, so the chosen k jumped
 * between 3 and 12 with the seed; seed stability, which favoured splits that
 * recur but mean nothing — see docs/topics.md.)
 */
export function chooseK(
  x: UnitRows,
  index: TermIndex,
  maxK: number,
  random: () => number,
  restartsPerK: number,
): { k: number; coherenceByK: Record<number, number> } {
  const coherenceByK: Record<number, number> = {};
  let bestK = 3;
  let best = -Infinity;
  for (let k = 3; k <= maxK; k++) {
    const r = bestOfRestarts(x, k, restartsPerK, random);
    const groups: number[][] = Array.from({ length: k }, () => []);
    r.assign.forEach((c, i) => groups[c]!.push(i));
    const filled = groups.filter((g) => g.length > 0);
    const each = topicsNpmi(
      classTfIdf(filled, index).map((t) => t.slice(0, 10)),
      index,
    );
    const coherence = each.reduce((a, c, i) => a + filled[i]!.length * c, 0) / index.rows.length;
    coherenceByK[k] = Math.round(coherence * 1000) / 1000;
    if (coherence > best) {
      best = coherence;
      bestK = k;
    }
  }
  return { k: bestK, coherenceByK };
}
