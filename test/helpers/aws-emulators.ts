/**
 * dynalite (DynamoDB) and s3rver (S3) on 127.0.0.1, on free ports, started by
 * the tests themselves, plus SDK clients pointed at them. Nothing else is
 * needed: both are npm devDependencies and run in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

export const REGION = 'us-east-1';
/** s3rver accepts only this key pair; dynalite accepts any. */
export const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Removes every AWS_* variable so no real profile, region or credential can leak into a test. */
export function clearAwsEnv(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

export interface Emulator {
  endpoint: string;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<Emulator> {
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function startS3rver(buckets: string[]): Promise<Emulator> {
  const { default: S3rver } = await import('s3rver');
  const directory = mkdtempSync(join(tmpdir(), 'talent-s3rver-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await s3rver.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await s3rver.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export const dynamoClient = (endpoint: string) => new DynamoDBClient({ endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
export const s3Client = (endpoint: string) => new S3Client({ endpoint, region: REGION, credentials: CREDENTIALS, forcePathStyle: true, maxAttempts: 1 });

/**
 * The table exactly as the CloudFormation template (issue 7) creates it:
 * pk/sk strings, GSI gsi1 on gsi1pk/gsi1sk projecting ALL, on-demand billing.
 * (TTL on `ttl` is set by UpdateTimeToLive, which dynalite does not model.)
 */
export async function createTalentTable(ddb: DynamoDBClient, TableName: string): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  // dynalite answers CreateTable while the table is still CREATING; under load the next request
  // can arrive before it turns ACTIVE and fail with ResourceNotFound. Wait for ACTIVE, as real code would.
  for (let i = 0; i < 500; i++) {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`table ${TableName} did not become ACTIVE`);
}

let tables = 0;
/** A fresh table name per test (DynamoDB names: 3–255 characters). */
export const freshTableName = () => `talent-test-${process.pid}-${++tables}`;
