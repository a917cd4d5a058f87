#!/usr/bin/env node
// The `hotwords` command: runs the TypeScript entry through tsx.
import { register } from 'tsx/esm/api';
import { limitHeapGrowth } from './heap-growth.js';

limitHeapGrowth();
register();
await import('./entry.ts');
