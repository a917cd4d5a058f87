#!/usr/bin/env node
// The `hotwords` command: runs the TypeScript entry through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
