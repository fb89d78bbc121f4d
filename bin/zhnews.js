#!/usr/bin/env node
// Shim: the CLI lives in the built library (npm ci runs `prepare`, which compiles src/ to dist/).
import { run } from '../dist/cli/main.js';

await run(process.argv);
