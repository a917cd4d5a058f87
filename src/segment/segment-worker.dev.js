// The segmentation worker when the TypeScript sources run (the tests): loads
// segment-worker.ts through tsx, a devDependency. Compiled, the worker is
// dist/segment/segment-worker.js and this file is not built.
import { register } from 'tsx/esm/api';

register();
await import('./segment-worker.ts');
