import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Generation } from './generations.ts';
import { currentGeneration, GENERATIONS } from './generations.ts';

/** Gives the PNG an earlier run rendered from this very SVG, or null: (where the new SVG goes, its text). */
export type PngReuse = (svgPath: string, svg: string) => Buffer | null;

/**
 * The PNGs of the generation readers see now, for a run that makes the same SVGs again (a re-run
 * after curating words, a session that leaves a set of clouds as it was). A PNG is a pure function
 * of its SVG, the bundled font and resvg, so where the SVG at the same place is byte for byte the
 * one this run makes and the earlier run used the same packages (`samePackages`), the earlier PNG
 * is the one rendering would make: the files are the same either way, only the time differs
 * (tested against a fresh render). Null when there is no earlier generation or other packages.
 */
export function previousPngs(out: string, generation: Generation, samePackages: boolean): PngReuse | null {
  const name = currentGeneration(out);
  if (name === null || !samePackages) return null;
  const earlier = join(out, GENERATIONS, name);
  return (svgPath, svg) => {
    const rel = relative(generation.dir, svgPath);
    if (rel.startsWith('..')) return null;
    try {
      if (readFileSync(join(earlier, rel), 'utf8') !== svg) return null;
      return readFileSync(join(earlier, rel.replace(/\.svg$/, '.png')));
    } catch {
      return null;
    }
  };
}
