#!/usr/bin/env node
// The `hotwords` command. The heap limit is set before the job's modules load.
import { limitHeapGrowth } from './heap-growth.ts';

limitHeapGrowth();
await import('./entry.ts');
