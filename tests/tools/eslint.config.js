// `npm run lint` (part of `npm test`): ESLint's and typescript-eslint's recommended rules over
// src/ and tests/. Formatting is Prettier's (its settings are in package.json).
import js from '@eslint/js';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { basePath: fileURLToPath(new URL('../../', import.meta.url)) },
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'out/**', 'tests/fixtures/**', 'notebooks/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        setImmediate: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        WebAssembly: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      // `_`-named bindings are deliberately unused (a destructured field left out)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
