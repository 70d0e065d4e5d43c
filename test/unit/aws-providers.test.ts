import { describe, expect, it } from 'vitest';
import { createAwsProviders } from '../../src/sdk/aws/index.js';
import { ConfigSchema } from '../../src/sdk/config.js';
import { loadTaxonomy } from '../../src/sdk/matching/taxonomy.js';
import { clearAwsEnv } from '../helpers/aws-emulators.js';

clearAwsEnv();
const taxonomy = loadTaxonomy();

describe('createAwsProviders', () => {
  it.each([
    [{}, 'aws.bucket'],
    [{ bucket: 'b' }, 'aws.table'],
    [{ bucket: 'b', table: 't' }, 'aws.opensearch.endpoint'],
  ])('refuses a config without the resources the stack provides (%j → %s)', async (aws, missing) => {
    const config = ConfigSchema.parse({ dataDir: '/tmp/x', backend: 'aws', aws: { region: 'us-east-1', ...aws } });
    await expect(createAwsProviders({ config, taxonomy })).rejects.toMatchObject({ code: 'E_AWS_NOT_CONFIGURED', message: expect.stringContaining(missing), hint: expect.stringContaining('talent deploy') });
  });

  it('builds every adapter lazily from config, and says where the data lives', async () => {
    const config = ConfigSchema.parse({ dataDir: '/tmp/x', backend: 'aws', aws: { region: 'us-east-1', bucket: 'b', table: 't', topicArn: 'arn:aws:sns:us-east-1:1:t', opensearch: { endpoint: 'https://x.us-east-1.aoss.amazonaws.com' } } });
    const p = await createAwsProviders({ config, taxonomy, credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' } });
    expect(p.location).toBe('s3://b, dynamodb:t, https://x.us-east-1.aoss.amazonaws.com');
    expect(p.embedder).toMatchObject({ id: 'bedrock:amazon.titan-embed-text-v2:0', dimensions: 1024 });
    expect(p.notifier.constructor.name).toBe('SnsNotifier');
    expect(p.extractor.constructor.name).toBe('TextractExtractor');
    await p.index.close();
    await p.records.close();
  });
});
