import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The suite's settings; `npm test` passes this file (the project's top level
// holds no config files).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    globalSetup: ['tests/temp-root.ts'],
  },
});
