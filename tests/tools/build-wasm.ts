/** `npm run build:wasm`: assemble src/matrix/dot-kernel.wat into src/matrix/dot-kernel-wasm.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WASM_MODULE, assembleDotKernel, wasmModuleSource } from './assemble-wat.ts';

const bytes = await assembleDotKernel();
writeFileSync(WASM_MODULE, wasmModuleSource(bytes));
console.log(`${fileURLToPath(WASM_MODULE)}: ${bytes.length} bytes of WebAssembly`);
