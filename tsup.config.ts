import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// Entry points: the SDK (the package root), the pipelines (and their worker thread), and the CLI.
// Dependencies stay external: they are installed next to the package, and
// heavy ones (pdfjs, TensorFlow.js, the AWS SDK) are imported lazily at run time.
export default defineConfig({
  entry: {
    'sdk/index': 'src/sdk/index.ts',
    'sdk/testing': 'src/sdk/testing.ts',
    'sdk/aws': 'src/sdk/aws/index.ts',
    'pipelines/index': 'src/pipelines/index.ts',
    'sdk/deploy/index': 'src/sdk/deploy/index.ts',
    // The import worker thread's module: loaded by path, so it must be a file of its own.
    'pipelines/prepare-worker': 'src/pipelines/shared/prepare-worker.ts',
    // The text extraction thread's module (src/sdk/local/extract-thread.ts finds it next to the SDK).
    'sdk/extract-worker': 'src/sdk/local/extract-worker.ts',
    'cli/main': 'src/cli/main.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { 'sdk/index': 'src/sdk/index.ts', 'sdk/testing': 'src/sdk/testing.ts', 'sdk/aws': 'src/sdk/aws/index.ts', 'pipelines/index': 'src/pipelines/index.ts', 'sdk/deploy/index': 'src/sdk/deploy/index.ts' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  shims: false,
  define: { __TALENT_VERSION__: JSON.stringify(pkg.version) },
});
