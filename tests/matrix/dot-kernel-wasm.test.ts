import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOT_KERNEL_WASM } from '../../src/matrix/dot-kernel-wasm.ts';
import { WASM_MODULE, assembleDotKernel, wasmModuleSource } from '../tools/assemble-wat.ts';

it('the committed WebAssembly is dot-kernel.wat assembled: rebuild with npm run build:wasm after editing it', async () => {
  const bytes = await assembleDotKernel();
  expect(Buffer.from(DOT_KERNEL_WASM, 'base64')).toEqual(Buffer.from(bytes));
  expect(readFileSync(WASM_MODULE, 'utf8')).toBe(wasmModuleSource(bytes));
  expect(WebAssembly.validate(Buffer.from(bytes))).toBe(true);
});
