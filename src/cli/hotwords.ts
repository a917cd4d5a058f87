#!/usr/bin/env node
// The `hotwords` command: the process shell (entry.ts) around the commands (main.ts).
import './entry.ts';
