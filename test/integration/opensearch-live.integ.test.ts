/**
 * The SearchIndex contract against a real OpenSearch, when one is given:
 *   TALENT_OPENSEARCH_URL=https://search-x.us-east-1.es.amazonaws.com  (or http://localhost:9200, user:pass@ allowed)
 *   TALENT_OPENSEARCH_SERVICE=es|aoss   (sign with SigV4 from the AWS default chain; unset = no signing)
 * Skipped otherwise (no OpenSearch runs on the CI machine). Serverless
 * collections are eventually consistent (no refresh), so this read-after-write
 * suite is meant for domains and self-managed clusters.
 */
import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { afterAll, describe, it } from 'vitest';
import { OpenSearchIndex } from '../../src/sdk/aws/opensearch-index.js';
import { readEnv } from '../../src/sdk/env.js';
import { searchIndexContract } from '../contract/search-index.contract.js';

const url = readEnv('TALENT_OPENSEARCH_URL');
const service = readEnv('TALENT_OPENSEARCH_SERVICE') as 'es' | 'aoss' | undefined;

if (!url) {
  describe.skip('OpenSearch live: skipped because TALENT_OPENSEARCH_URL is not set (set it, and TALENT_OPENSEARCH_SERVICE=es|aoss to sign, to run the SearchIndex contract against a real cluster)', () => {
    it('runs the SearchIndex contract against TALENT_OPENSEARCH_URL', () => undefined);
  });
} else {
  const prefix = `talent-live-${randomBytes(4).toString('hex')}`;
  let n = 0;
  const client = async (): Promise<Client> => {
    if (!service) return new Client({ node: url });
    const [{ AwsSigv4Signer }, { STSClient }] = await Promise.all([import('@opensearch-project/opensearch/aws'), import('@aws-sdk/client-sts')]);
    const probe = new STSClient({});
    return new Client({ ...AwsSigv4Signer({ region: await probe.config.region(), service, getCredentials: () => probe.config.credentials() }), node: url });
  };
  afterAll(async () => {
    const c = await client();
    // By name: wildcard deletes may be refused (action.destructive_requires_name).
    for (let i = 1; i <= n; i++) for (const kind of ['candidate', 'job']) await c.indices.delete({ index: `${prefix}-${i}-${kind}` }).catch(() => undefined);
    await c.close();
  });
  searchIndexContract(`OpenSearch live at ${url.replace(/\/\/[^@]*@/, '//')}`, async (dimensions) =>
    new OpenSearchIndex(await client(), { index: `${prefix}-${++n}`, dimensions, service: service ?? 'es', engine: 'lucene' }),
  );
}
