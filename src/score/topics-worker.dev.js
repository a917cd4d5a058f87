// The topic-clustering worker when the TypeScript sources run (the tests):
// loads topics-worker.ts through tsx, a devDependency. Compiled, the worker
// is dist/score/topics-worker.js and this file is not built.
import { register } from 'tsx/esm/api';

register();
await import('./topics-worker.ts');
