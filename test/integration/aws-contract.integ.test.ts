/**
 * The port contract suites (the same ones the local adapters pass) against
 * the aws adapters: the DynamoDB RecordStore on dynalite, the S3 BlobStore on
 * s3rver, and the OpenSearch SearchIndex through the OpenSearch fake, in both
 * its domain and Serverless-vector-collection flavours (the SigV4 signer on).
 */
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { afterAll, beforeAll } from 'vitest';
import { DynamoRecordStore } from '../../src/sdk/aws/dynamo-record-store.js';
import { OpenSearchIndex } from '../../src/sdk/aws/opensearch-index.js';
import { S3BlobStore } from '../../src/sdk/aws/s3-blob-store.js';
import { blobStoreContract } from '../contract/blob-store.contract.js';
import { recordStoreContract } from '../contract/record-store.contract.js';
import { searchIndexContract } from '../contract/search-index.contract.js';
import { clearAwsEnv, createTalentTable, CREDENTIALS, dynamoClient, freshTableName, REGION, s3Client, startDynalite, startS3rver, type Emulator } from '../helpers/aws-emulators.js';
import { startOpenSearchFake, type OpenSearchFake } from '../helpers/opensearch-fake/server.js';

clearAwsEnv();
const BUCKET = 'talent-contract';
let dynalite: Emulator;
let s3rver: Emulator;
let domain: OpenSearchFake;
let aoss: OpenSearchFake;

beforeAll(async () => {
  [dynalite, s3rver, domain, aoss] = await Promise.all([startDynalite(), startS3rver([BUCKET]), startOpenSearchFake({ flavor: 'domain', sigv4: 'es' }), startOpenSearchFake({ flavor: 'aoss-vector', sigv4: 'aoss' })]);
});
afterAll(async () => {
  await Promise.all([dynalite?.close(), s3rver?.close(), domain?.close(), aoss?.close()]);
});

recordStoreContract('DynamoDB single table (dynalite)', async () => {
  const ddb = dynamoClient(dynalite.endpoint);
  const table = freshTableName();
  await createTalentTable(ddb, table);
  return new DynamoRecordStore(ddb, { table, overflow: new S3BlobStore(s3Client(s3rver.endpoint), { bucket: BUCKET, prefix: 'records/' }), onClose: () => ddb.destroy() });
});

blobStoreContract('S3 (s3rver)', async () => new S3BlobStore(s3Client(s3rver.endpoint), { bucket: BUCKET }));

let indexes = 0;
const signedClient = (url: string, service: 'es' | 'aoss') =>
  new Client({ ...AwsSigv4Signer({ region: REGION, service, getCredentials: async () => CREDENTIALS }), node: url });

searchIndexContract('OpenSearch domain (fake, SigV4 es)', async (dimensions) =>
  new OpenSearchIndex(signedClient(domain.url, 'es'), { index: `contract${++indexes}`, dimensions, service: 'es' }),
);
searchIndexContract('OpenSearch Serverless vector collection (fake, SigV4 aoss)', async (dimensions) =>
  new OpenSearchIndex(signedClient(aoss.url, 'aoss'), { index: `contract${++indexes}`, dimensions, service: 'aoss' }),
);
