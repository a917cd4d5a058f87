/**
 * A worker thread's module beside the caller (`here`, its import.meta.url):
 * compiled (dist/), the worker's own .js; from the TypeScript sources (the
 * tests), its `.dev.js` shim, which loads the .ts through tsx.
 */
export function workerModule(here: string, name: string): URL {
  return new URL(here.endsWith('.ts') ? `./${name}.dev.js` : `./${name}.js`, here);
}
