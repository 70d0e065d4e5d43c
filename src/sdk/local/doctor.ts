import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TalentConfig } from '../config.js';
import { check, report, type DoctorReport } from '../doctor.js';
import type { Embedder } from '../ports/index.js';

/**
 * Checks the local backend without changing anything: the data folder is
 * writable, the database (if any) opens and was built with the configured
 * embedder, and the embedding model loads and embeds.
 */
export async function runLocalDoctor(config: TalentConfig, makeEmbedder: () => Promise<Embedder>): Promise<DoctorReport> {
  const dbFile = join(config.dataDir, 'talent.db');
  let embedder: Embedder | undefined;
  const checks = [
    await check('data dir', async () => {
      // The folder is created on first use, so a writable parent is as good.
      let dir = config.dataDir;
      while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
      if (!statSync(dir).isDirectory()) return { status: 'fail', detail: `${dir} is not a folder`, hint: 'Point --data-dir (or TALENT_DATA_DIR) at a folder.', code: 'E_DATA_DIR' };
      try {
        accessSync(dir, constants.W_OK);
      } catch {
        return { status: 'fail', detail: `${dir} is not writable`, hint: 'Fix its permissions, or point --data-dir at a writable folder.', code: 'E_DATA_DIR' };
      }
      return { status: 'ok', detail: dir === config.dataDir ? config.dataDir : `${config.dataDir} (created on first import)` };
    }),
    await check('embedding model', async () => {
      embedder = await makeEmbedder();
      const started = performance.now();
      const v = await embedder.embedQuery('talent doctor');
      return { status: 'ok', detail: `${embedder.id}: ${v.length} dimensions, ${Math.round(performance.now() - started)} ms for one text` };
    }),
    await check('database', async () => {
      if (!existsSync(dbFile)) return { status: 'warn', detail: `${dbFile} does not exist yet`, hint: '`talent import <folder>` creates it.' };
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
        const candidates = (db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
        const jobs = (db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
        const built = meta.get('embedder');
        const want = embedder ? `${embedder.id}:${embedder.dimensions}` : undefined;
        if (built && want && built !== want) {
          return {
            status: 'fail',
            detail: `the index was built with ${built}, but ${want} is configured`,
            hint: 'Use the embedder the data was imported with, or import into a fresh --data-dir.',
            code: 'E_EMBEDDER_MISMATCH',
          };
        }
        return { status: 'ok', detail: `${dbFile}: schema ${meta.get('schema_version')}, ${candidates} candidates, ${jobs} jobs` };
      } finally {
        db.close();
      }
    }),
  ];
  return report('local', checks);
}
