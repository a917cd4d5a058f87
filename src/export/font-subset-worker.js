// Cuts the cloud font down to the characters the clouds use, on a worker thread that then ends.
// Plain JavaScript (no tsx needed). subset-font runs HarfBuzz in WebAssembly, whose memory only
// grows: about 67 MB for the CJK font, which a worker's end gives back.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import subsetFont from 'subset-font';

const { fontPath, characters } = workerData;
parentPort.postMessage(new Uint8Array(await subsetFont(readFileSync(fontPath), characters, { targetFormat: 'truetype' })));
