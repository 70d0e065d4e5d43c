/**
 * infra/talent.yaml: parsed with its intrinsic tags, validated against AWS's
 * bundled CloudFormation resource schemas (@aws/cloudformation-validate, offline),
 * and held to the security rules the aws backend promises.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegoEngine, TemplateFile, type Engine, type StandardDiagnostic } from '@aws/cloudformation-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledTemplatePath, loadTemplate, parseCloudFormationYaml, type CfnTemplate } from '../../src/sdk/deploy/index.js';
import { allStatements, asArray, CLI_ACTIONS, referencesResource, statementsOf, subText, type Statement } from './infra-helpers.js';

const PATH = bundledTemplatePath();
const BODY = readFileSync(PATH, 'utf8');
let template: CfnTemplate;
let engine: Engine;
const PRINCIPAL = 'arn:aws:iam::123456789012:role/talent-dev';

beforeAll(async () => {
  template = (await loadTemplate()).template;
  engine = new RegoEngine();
});
afterAll(() => engine?.free());

function validate(path: string, searchEngine: 'serverless' | 'domain'): StandardDiagnostic[] {
  const report = engine.validateStandard(new TemplateFile(path), {
    parameterOverrides: { SearchEngine: searchEngine, DataAccessPrincipalArns: PRINCIPAL },
    pseudoParameterOverrides: { region: 'eu-west-1', accountId: '123456789012' },
  });
  expect(report.status).toBe('OK');
  return report.diagnostics;
}

const serious = (d: StandardDiagnostic) => d.severity === 'FATAL' || d.severity === 'ERROR' || d.severity === 'WARN';
const show = (ds: StandardDiagnostic[]) => ds.map((d) => `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ''} ${d.propertyPath ?? ''}: ${d.message}`).join('\n');

/** A copy of the template with one edit, written where the validator can read it. */
function mutated(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'talent-cfn-'));
  const file = join(dir, 'talent.yaml');
  const text = edit(BODY);
  expect(text).not.toBe(BODY);
  writeFileSync(file, text);
  return file;
}

describe('parsing CloudFormation YAML', () => {
  it('turns short-form tags into their long form', () => {
    const parsed = parseCloudFormationYaml(
      ['a: !Ref X', 'b: !GetAtt R.Attr.Sub', 'c: !Sub [ "${A}", { A: !Ref B } ]', 'd: !If [C, !GetAtt [R, Arn], !Ref AWS::NoValue]', 'e: !Not [!Condition C]', "f: !Join ['', [x, !Ref Y]]"].join('\n'),
    );
    expect(parsed).toEqual({
      a: { Ref: 'X' },
      b: { 'Fn::GetAtt': ['R', 'Attr.Sub'] },
      c: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] },
      d: { 'Fn::If': ['C', { 'Fn::GetAtt': ['R', 'Arn'] }, { Ref: 'AWS::NoValue' }] },
      e: { 'Fn::Not': [{ Condition: 'C' }] },
      f: { 'Fn::Join': ['', ['x', { Ref: 'Y' }]] },
    });
  });

  it('rejects unknown tags and duplicate keys, naming the file', () => {
    expect(() => parseCloudFormationYaml('a: !Reff X', 't.yaml')).toThrow(/t\.yaml.*!Reff/s);
    expect(() => parseCloudFormationYaml('a: 1\na: 2', 't.yaml')).toThrow(/t\.yaml/);
  });

  it('reads the bundled template into its JSON form', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Resources.Bucket!.Properties!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } }, BucketKeyEnabled: true }],
    });
  });

  it('fits in a CreateChangeSet TemplateBody (51,200 bytes), so no staging bucket is needed', () => {
    expect(Buffer.byteLength(BODY)).toBeLessThan(51_200);
  });
});

describe('validation against the CloudFormation resource schemas', () => {
  it.each(['serverless', 'domain'] as const)('finds nothing wrong with SearchEngine=%s', (searchEngine) => {
    // W1001 on the OpenSearchEndpoint output is a known false positive of the validator: it flags any
    // reference to a conditional resource inside an output's Fn::If, even when the If tests that very
    // condition (the same Fn::If inside a resource property is not flagged).
    const found = validate(PATH, searchEngine).filter(serious);
    const falsePositive = (d: StandardDiagnostic) => d.ruleId === 'W1001' && d.entity?.logicalId === 'OpenSearchEndpoint';
    expect(found.filter((d) => !falsePositive(d)), show(found)).toEqual([]);
  });

  it('catches a misspelt property (the check is real)', () => {
    const file = mutated((t) => t.replace('      VersioningConfiguration:\n', '      VersioningConfig:\n'));
    expect(show(validate(file, 'serverless'))).toMatch(/F3002 Bucket .*VersioningConfig/);
  });

  it('catches a GetAtt of an attribute the resource type does not have', () => {
    const file = mutated((t) => t.replace('!GetAtt SearchCollection.CollectionEndpoint', '!GetAtt SearchCollection.Endpoint'));
    expect(show(validate(file, 'serverless'))).toMatch(/F6101 OpenSearchEndpoint .*'Endpoint' is not one of/);
  });

  it('catches an unknown resource type and a reference to a missing resource', () => {
    const file = mutated((t) => t.replace('Type: AWS::SNS::Topic\n', 'Type: AWS::SNS::Topics\n').replace('KMSMasterKeyID: !GetAtt Key.Arn', 'KMSMasterKeyID: !GetAtt Kee.Arn'));
    const out = show(validate(file, 'serverless'));
    expect(out).toMatch(/F3006 MatchTopic .*AWS::SNS::Topics/);
    expect(out).toMatch(/F1020 Bucket .*'Kee'/);
  });
});

describe('the contract with the aws adapters', () => {
  it('declares the parameters and outputs talent deploy relies on', () => {
    expect(Object.keys(template.Parameters!)).toEqual(expect.arrayContaining(['EnvironmentName', 'SearchEngine', 'DataAccessPrincipalArns', 'ParseModelId', 'EmbedModelId', 'AlarmEmail']));
    expect(template.Parameters!.SearchEngine!.AllowedValues).toEqual(['serverless', 'domain']);
    expect(Object.keys(template.Outputs!)).toEqual(
      expect.arrayContaining(['BucketName', 'TableName', 'OpenSearchEndpoint', 'OpenSearchService', 'TopicArn', 'KmsKeyArn', 'DeadLetterQueueUrl', 'CliPolicyArn']),
    );
  });

  it('defines the single table: pk/sk, gsi1 (gsi1pk/gsi1sk, ALL), on-demand, PITR, KMS, TTL on ttl', () => {
    const p = template.Resources.Table!.Properties!;
    expect(p.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
    expect(p.GlobalSecondaryIndexes).toEqual([
      { IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
    ]);
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('makes a VECTORSEARCH collection, or a domain when SearchEngine=domain', () => {
    expect(template.Resources.SearchCollection).toMatchObject({ Condition: 'UseServerless', Properties: { Type: 'VECTORSEARCH' } });
    expect(template.Resources.SearchDomain).toMatchObject({ Condition: 'UseDomain' });
    expect(template.Outputs!.OpenSearchService!.Value).toEqual({ 'Fn::If': ['UseServerless', 'aoss', 'es'] });
  });
});

describe('security rules', () => {
  const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

  it('encrypts every bucket with the stack key, blocks public access and keeps versions with a lifecycle', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThan(0);
    for (const [, b] of buckets) {
      const p = b.Properties!;
      const sse = (p.BucketEncryption as { ServerSideEncryptionConfiguration: Array<{ ServerSideEncryptionByDefault: Record<string, unknown> }> }).ServerSideEncryptionConfiguration;
      for (const rule of sse) {
        expect(rule.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
        expect(referencesResource(rule.ServerSideEncryptionByDefault.KMSMasterKeyID, ['Key'])).toBe(true);
      }
      expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      const rules = (p.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
      expect(rules.some((r) => r.Status === 'Enabled' && r.NoncurrentVersionExpiration)).toBe(true);
    }
  });

  it('denies every request to each bucket and its objects that is not over TLS', () => {
    for (const [name] of ofType('AWS::S3::Bucket')) {
      const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => referencesResource(p.Properties!.Bucket, [name]));
      expect(policy, `bucket policy for ${name}`).toBeDefined();
      const deny = statementsOf(policy![1].Properties!.PolicyDocument).find((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}');
      expect(deny).toMatchObject({ Principal: '*', Action: 's3:*' });
      const resources = asArray(deny!.Resource);
      expect(resources.some((r) => referencesResource(r, [name]) && !subText(r).includes('/*'))).toBe(true);
      expect(resources.some((r) => subText(r).includes(`\${${name}.Arn}/*`))).toBe(true);
    }
  });

  it('encrypts the table, topics, queue and search with KMS, and rotates the key', () => {
    for (const [, t] of ofType('AWS::DynamoDB::Table')) {
      expect(t.Properties!.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } });
    }
    for (const [, r] of [...ofType('AWS::SNS::Topic'), ...ofType('AWS::SQS::Queue')]) expect(referencesResource(r.Properties!.KmsMasterKeyId, ['Key'])).toBe(true);
    expect(template.Resources.Key!.Properties!.EnableKeyRotation).toBe(true);
    // The serverless collection: an encryption policy naming it, with the stack key rather than an AWS-owned one.
    const enc = template.Resources.SearchEncryptionPolicy!.Properties!;
    expect(enc.Type).toBe('encryption');
    const policy = JSON.parse(subText(enc.Policy).replace('${KeyArn}', 'arn:aws:kms:eu-west-1:123456789012:key/k').replace('${Name}', 'talent-dev'));
    expect(policy).toMatchObject({ AWSOwnedKey: false, KmsARN: expect.stringMatching(/^arn:aws:kms:/), Rules: [{ ResourceType: 'collection', Resource: ['collection/talent-dev'] }] });
    expect(template.Resources.SearchCollection!.DependsOn).toContain('SearchEncryptionPolicy');
    const domain = template.Resources.SearchDomain!.Properties!;
    expect(domain).toMatchObject({
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true },
    });
  });

  it('has no wildcard action in any Allow statement of any policy; wildcards only in TLS-only denies', () => {
    const statements = allStatements(template);
    expect(statements.length).toBeGreaterThan(10);
    for (const { resource, statement } of statements) {
      const wild = asArray(statement.Action).filter((a) => typeof a === 'string' && a.includes('*'));
      if (statement.Effect === 'Allow') expect(wild, `${resource} ${statement.Sid ?? ''}`).toEqual([]);
      else if (wild.length > 0) expect(statement.Condition, `${resource} ${statement.Sid ?? ''}`).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
      expect(statement.NotAction, 'NotAction would widen a statement').toBeUndefined();
    }
    // The OpenSearch Serverless data access policy lists its permissions too.
    const data = JSON.parse(subText(template.Resources.SearchAccessPolicy!.Properties!.Policy).replace(/\$\{\w+\}/g, 'x'));
    for (const rule of data[0].Rules) for (const p of rule.Permission) expect(p).not.toContain('*');
  });

  it('gives the CLI policy exactly the contract actions, each scoped to this stack (Textract excepted)', () => {
    const statements = statementsOf(template.Resources.CliPolicy!.Properties!.PolicyDocument, true);
    const actions = (branch: 'serverless' | 'domain') =>
      statements
        .filter((s) => (branch === 'serverless' ? s.Sid !== 'SearchDomain' : s.Sid !== 'SearchCollection'))
        .flatMap((s) => asArray(s.Action))
        .sort();
    expect(actions('serverless')).toEqual([...CLI_ACTIONS.common, 'aoss:APIAccessAll'].sort());
    expect(actions('domain')).toEqual([...CLI_ACTIONS.common, ...CLI_ACTIONS.es].sort());
    const stackResources = Object.keys(template.Resources);
    for (const s of statements as Statement[]) {
      expect(s.Effect).toBe('Allow');
      for (const r of asArray(s.Resource)) {
        if (s.Sid === 'TextractNoResourceLevelPermissions') {
          expect(r).toBe('*'); // Textract accepts no resource ARNs; the actions above stay explicit.
        } else if (s.Sid === 'BedrockConfiguredModels') {
          expect(subText(r)).toMatch(/:bedrock:\$\{AWS::Region\}::foundation-model\/\$\{(ParseModelId|EmbedModelId)\}$/);
        } else {
          expect(referencesResource(r, stackResources), `${s.Sid}: ${JSON.stringify(r)}`).toBe(true);
        }
      }
    }
  });

  it('alarms on DynamoDB throttling and user errors and on dead-letter queue depth', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => JSON.stringify(a.Properties));
    expect(alarms.some((a) => a.includes('"ThrottledRequests"'))).toBe(true);
    expect(alarms.some((a) => a.includes('"UserErrors"'))).toBe(true);
    expect(alarms.some((a) => a.includes('"ApproximateNumberOfMessagesVisible"') && a.includes('DeadLetterQueue'))).toBe(true);
  });
});
