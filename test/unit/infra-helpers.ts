/** Small readers over a CloudFormation template in JSON form, for the security assertions. */
import type { CfnTemplate } from '../../src/sdk/deploy/index.js';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** The CLI policy's actions, fixed by the contract with the aws adapters. */
export const CLI_ACTIONS = {
  common: [
    's3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListBucket',
    'textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection',
    'bedrock:InvokeModel',
    'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem',
    'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable',
    'sns:Publish', 'sns:GetTopicAttributes',
    'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey',
  ],
  es: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
};

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The text of a string or an Fn::Sub (either form); JSON for anything else. */
export function subText(v: unknown): string {
  if (typeof v === 'string') return v;
  const sub = (v as { 'Fn::Sub'?: unknown } | null)?.['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  return JSON.stringify(v);
}

/** True when the value is a Ref, GetAtt or Sub that points at one of the named resources. */
export function referencesResource(value: unknown, names: string[]): boolean {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return false;
  if (typeof v.Ref === 'string') return names.includes(v.Ref);
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return names.includes(getAtt[0] as string);
  if (v['Fn::Sub'] !== undefined) {
    const refs = [...subText(v).matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/g)].map((m) => m[1]!);
    return refs.some((r) => names.includes(r));
  }
  return false;
}

/** A policy document's statements; an Fn::If statement contributes both branches (AWS::NoValue skipped). */
export function statementsOf(doc: unknown, expandIf = true): Statement[] {
  const out: Statement[] = [];
  for (const s of asArray((doc as { Statement?: unknown })?.Statement)) {
    const fnIf = (s as { 'Fn::If'?: unknown[] })['Fn::If'];
    if (expandIf && Array.isArray(fnIf)) {
      for (const branch of fnIf.slice(1)) if ((branch as { Ref?: string }).Ref !== 'AWS::NoValue') out.push(branch as Statement);
    } else {
      out.push(s as Statement);
    }
  }
  return out;
}

/** Every statement of every IAM-style policy in the template: identity, bucket, topic, queue, key and domain policies. */
export function allStatements(template: CfnTemplate): Array<{ resource: string; statement: Statement }> {
  const out: Array<{ resource: string; statement: Statement }> = [];
  for (const [name, r] of Object.entries(template.Resources)) {
    const p = r.Properties ?? {};
    const docs = [p.PolicyDocument, p.KeyPolicy, p.AccessPolicies, ...asArray(p.Policies).map((x) => (x as { PolicyDocument?: unknown }).PolicyDocument)];
    for (const doc of docs) if (doc && typeof doc === 'object') for (const statement of statementsOf(doc)) out.push({ resource: name, statement });
  }
  return out;
}
