// `npm run lint` (part of `npm test`): the imports of src/ run downward only and never in a cycle.
// The rooms, top to bottom: cli → index.ts → the jobs (src/*.ts) → export → score → segment →
// corpus → matrix. diagnostics.ts, messages.ts (the message catalogue) and worker-module.ts are shared by
// every room (they import nothing but each other).
const STAGES = ['export', 'score', 'segment', 'corpus', 'matrix'];
const below = (stage) => STAGES.slice(STAGES.indexOf(stage) + 1);
const SHARED = '^src/(diagnostics|messages|worker-module)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'cli-over-index',
      comment: 'the CLI is a shell over the library: it imports index.ts, nothing else of src/',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$'] },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'jobs-not-index',
      comment: 'index.ts only re-exports: nothing below it imports it',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$'] },
      to: { path: '^src/index\\.ts$' },
    },
    ...STAGES.map((stage) => ({
      name: `${stage}-imports-downward`,
      comment: `${stage}/ imports only ${below(stage).join(', ') || 'nothing of src/'} and the shared files`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: '^src/', pathNot: [`^src/${stage}/`, ...below(stage).map((s) => `^src/${s}/`), SHARED] },
    })),
    {
      name: 'shared-files-import-nothing',
      severity: 'error',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: SHARED },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.dev\\.js$', '\\.d\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    tsPreCompilationDeps: true,
  },
};
