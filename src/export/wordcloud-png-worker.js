// Renders cloud SVGs to PNG with resvg on a worker thread, one image a message ({ i, svg, options }), until
// a null message ends it. Plain JavaScript: it needs nothing of the TypeScript sources, so it starts
// without tsx's loader. resvg frees an image's native pixels only when the garbage collector takes
// its object and the event loop then runs the finaliser; a loop rendering one image after another
// never lets that happen (a run's 30 clouds held about 300 MB). So after each image the worker
// collects its garbage and lets the loop turn before the next: 30 images in one worker peak at
// about 90 MB instead of 340.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encoder.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
// messages wait here while an image renders; each is taken after the last image's garbage is gone
const inbox = [];
let wakeUp = null;
parentPort.on('message', (m) => {
  inbox.push(m);
  wakeUp?.();
});
for (;;) {
  if (inbox.length === 0) await new Promise((r) => (wakeUp = r));
  wakeUp = null;
  const m = inbox.shift();
  if (m === null) break;
  try {
    const image = new Resvg(m.svg, m.options).render();
    parentPort.postMessage({ i: m.i, png: encodePng(image.width, image.height, image.pixels) });
  } catch (e) {
    // the image's number goes with the reason, so the caller can name the file
    parentPort.postMessage({ i: m.i, error: e instanceof Error ? e.message : String(e) });
  }
  collect();
  // the collector's finalisers, which free the image's native pixels, run when the loop turns
  await new Promise((r) => setImmediate(r));
}
// Every image it rendered has been taken (the null comes after the last one, or with an abort):
// ended this way the thread is gone in about 10 ms; closing the port and letting its loop run dry
// took about 0.2 s, which a run of one cloud waited for.
process.exit(0);
