// Renders a few cloud SVGs to PNG with resvg on a worker thread, then ends. Plain JavaScript: it
// needs nothing of the TypeScript sources, so it starts without tsx's loader. resvg frees an
// image's native pixels only when the garbage collector takes its object, and rendering does not
// wake the collector (a run's 30 clouds held about 300 MB); a worker's objects all go when it ends.
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

const { svgs, options } = workerData;
for (let i = 0; i < svgs.length; i++) {
  try {
    parentPort.postMessage({ i, png: new Resvg(svgs[i], options).render().asPng() });
  } catch (e) {
    // the image's number goes with the reason, so the caller can name the file
    parentPort.postMessage({ i, error: e instanceof Error ? e.message : String(e) });
    break;
  }
}
