// A topic-clustering worker thread: runs the TypeScript worker body through tsx
// (the same way src/cli/hotwords.js runs the CLI).
import { register } from 'tsx/esm/api';

register();
await import('./topics-worker-body.ts');
