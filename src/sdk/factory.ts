/**
 * The one place that turns config into adapters. Everything else depends on
 * ports only. Heavy adapters are imported lazily so `talent --help` stays fast.
 */
import { join } from 'node:path';
import type { TalentConfig } from './config.js';
import type { DoctorReport } from './doctor.js';
import type { SkillTaxonomy } from './matching/taxonomy.js';
import type { Embedder, Providers } from './ports/index.js';

export async function createEmbedder(config: TalentConfig): Promise<Embedder> {
  if (config.embedder === 'fake') {
    const { FakeEmbedder } = await import('./testing.js');
    return new FakeEmbedder();
  }
  const { UseEmbedder } = await import('./local/embedder.js');
  return new UseEmbedder();
}

export async function createProviders(config: TalentConfig, taxonomy: SkillTaxonomy, overrides: Partial<Providers> = {}): Promise<Providers> {
  if (config.backend === 'aws') {
    const { createAwsProviders } = await import('./aws/index.js');
    return createAwsProviders({ config, taxonomy, overrides });
  }
  const [{ openDatabase }, { SqliteRecordStore }, { SqliteSearchIndex }, { FsBlobStore }, { LocalTextExtractor }, { RuleBasedParser }, notifiers] = await Promise.all([
    import('./local/sqlite.js'),
    import('./local/record-store.js'),
    import('./local/search-index.js'),
    import('./local/blob-store.js'),
    import('./local/extract.js'),
    import('./local/parser/index.js'),
    import('./local/notifier.js'),
  ]);
  const embedder = overrides.embedder ?? (await createEmbedder(config));
  const dbFile = join(config.dataDir, 'talent.db');
  const db = overrides.records && overrides.index ? undefined : openDatabase(dbFile, embedder);
  return {
    blobs: overrides.blobs ?? new FsBlobStore(join(config.dataDir, 'blobs')),
    extractor: overrides.extractor ?? new LocalTextExtractor({ ocr: config.parsing.ocr, timeoutMs: config.parsing.extractTimeoutMs }),
    parser: overrides.parser ?? new RuleBasedParser({ taxonomy, defaultCountry: config.parsing.defaultCountry }),
    embedder,
    // The store and the index share one connection; the store closes it.
    records: overrides.records ?? new SqliteRecordStore(db!, true),
    index: overrides.index ?? new SqliteSearchIndex(db!, false),
    notifier:
      overrides.notifier ??
      (config.notify.target === 'file' && config.notify.file ? new notifiers.FileNotifier(config.notify.file) : new notifiers.StreamNotifier(process.stderr)),
    location: overrides.location ?? config.dataDir,
  };
}

/**
 * Checks that the configured backend can work (`talent doctor`): credentials,
 * region and each resource on aws; data folder, database and embedding model
 * locally. Never writes anything.
 */
export async function diagnose(config: TalentConfig): Promise<DoctorReport> {
  if (config.backend === 'aws') {
    const { runAwsDoctor } = await import('./aws/doctor.js');
    return runAwsDoctor(config);
  }
  const { runLocalDoctor } = await import('./local/doctor.js');
  return runLocalDoctor(config, () => createEmbedder(config));
}
