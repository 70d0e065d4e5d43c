#!/usr/bin/env node
// npm run bench [-- --quick]: bundles bench/run.ts (which imports the sources) with esbuild and runs it.
// The CLI under test is the built one (npm run bench builds first). Results: docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.bench', 'run.mjs');
await build({ entryPoints: [join(root, 'bench', 'run.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
