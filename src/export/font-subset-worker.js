// Cuts the cloud font down to the characters the clouds use, on a worker thread that then ends.
// Plain JavaScript (no tsx needed). subset-font runs HarfBuzz in WebAssembly, whose memory only
// grows: about 67 MB for the CJK font, which a worker's end gives back.
//
// HarfBuzz runs here once, so its code is compiled by V8's baseline compiler (Liftoff) only:
// left to V8, the optimising compiler went on compiling the hot functions on another thread
// after the cut, about 0.25 s of a core that the clouds' layouts and PNGs need, and the worker's
// end waited for it (0.27 s from the font to the end, 5 ms without). The flag is the process's,
// so it is set only for the cut: nothing else compiles WebAssembly while the clouds are drawn
// (the topics' kernel is compiled before, and code compiled keeps its tier).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import subsetFont from 'subset-font';

const { fontPath, characters } = workerData;
setFlagsFromString('--liftoff-only');
let font;
try {
  font = await subsetFont(readFileSync(fontPath), characters, { targetFormat: 'truetype' });
} finally {
  setFlagsFromString('--no-liftoff-only');
}
parentPort.postMessage(new Uint8Array(font));
// The font is on its way (a posted message is queued on the other side at once); the thread ends.
process.exit(0);
