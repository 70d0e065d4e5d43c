/**
 * The one place that turns config into adapters. Everything else depends on
 * ports only. Heavy adapters are imported lazily so `talent --help` stays fast.
 */
import { join } from 'node:path';
import type { TalentConfig } from './config.js';
import type { DoctorReport } from './doctor.js';
import { ConfigError } from './errors.js';
import type { SkillTaxonomy } from './matching/taxonomy.js';
import type { Embedder, Notifier, Providers } from './ports/index.js';

export async function createEmbedder(config: TalentConfig): Promise<Embedder> {
  if (config.embedder === 'fake') {
    const { FakeEmbedder } = await import('./testing.js');
    return new FakeEmbedder();
  }
  const { UseEmbedder } = await import('./local/embedder.js');
  return new UseEmbedder();
}

/** The notifier for `notify.target`; a webhook without url or secret is a config error. */
export async function createNotifier(config: TalentConfig): Promise<Notifier> {
  const { target, file, webhook } = config.notify;
  if (target === 'webhook') {
    if (!webhook.url || !webhook.secret) {
      throw new ConfigError('notify.target is webhook but notify.webhook.url or notify.webhook.secret is not set', {
        hint: 'Set TALENT_NOTIFY_WEBHOOK_URL and TALENT_NOTIFY_WEBHOOK_SECRET (or notify.webhook in the config file).',
      });
    }
    const { WebhookNotifier } = await import('./local/webhook-notifier.js');
    return new WebhookNotifier({ url: webhook.url, secret: webhook.secret, retries: webhook.retries, timeoutMs: webhook.timeoutMs });
  }
  const { FileNotifier, StreamNotifier } = await import('./local/notifier.js');
  if (target === 'file') {
    if (!file) throw new ConfigError('notify.target is file but notify.file is not set', { hint: 'Set notify.file in the config file, e.g. "./notifications.jsonl".' });
    return new FileNotifier(file);
  }
  return new StreamNotifier(target === 'stdout' ? process.stdout : process.stderr);
}

export async function createProviders(config: TalentConfig, taxonomy: SkillTaxonomy, overrides: Partial<Providers> = {}): Promise<Providers> {
  if (config.backend === 'aws') {
    const { createAwsProviders } = await import('./aws/index.js');
    // Without an SNS topic, notifications go where notify.target says (stderr, stdout, file, webhook).
    const notifier = overrides.notifier ?? (config.aws.topicArn ? undefined : await createNotifier(config));
    return createAwsProviders({ config, taxonomy, overrides: notifier ? { ...overrides, notifier } : overrides });
  }
  const [{ openDatabase }, { SqliteRecordStore }, { SqliteSearchIndex }, { FsBlobStore }, { LocalTextExtractor }, { RuleBasedParser }] = await Promise.all([
    import('./local/sqlite.js'),
    import('./local/record-store.js'),
    import('./local/search-index.js'),
    import('./local/blob-store.js'),
    import('./local/extract.js'),
    import('./local/parser/index.js'),
  ]);
  const embedder = overrides.embedder ?? (await createEmbedder(config));
  const dbFile = join(config.dataDir, 'talent.db');
  const db = overrides.records && overrides.index ? undefined : openDatabase(dbFile, embedder);
  return {
    blobs: overrides.blobs ?? new FsBlobStore(join(config.dataDir, 'blobs')),
    extractor: overrides.extractor ?? new LocalTextExtractor({ ocr: config.parsing.ocr, timeoutMs: config.parsing.extractTimeoutMs, memoryMb: config.parsing.extractMemoryMb }),
    parser: overrides.parser ?? new RuleBasedParser({ taxonomy, defaultCountry: config.parsing.defaultCountry }),
    embedder,
    // The store and the index share one connection; the store closes it.
    records: overrides.records ?? new SqliteRecordStore(db!, true),
    index: overrides.index ?? new SqliteSearchIndex(db!, false),
    // Atomic import batches only when the store and the index are this one database.
    batch: overrides.records || overrides.index ? overrides.batch : new (await import('./local/batch-writer.js')).SqliteBatchWriter(db!),
    notifier: overrides.notifier ?? (await createNotifier(config)),
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
