import { describe, expect, it } from 'vitest';
import { iamActionFor, translateAwsError, type AwsCallContext } from '../../src/sdk/aws/errors.js';
import { NotFoundError, shouldRetry } from '../../src/sdk/errors.js';

/** An error shaped like the SDK's ServiceException: name (AWS error code), $fault, $retryable, $metadata. */
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'req-1' }, ...extra });
const ctx = (service: AwsCallContext['service'], operation: string, extra: Partial<AwsCallContext> = {}): AwsCallContext => ({ service, operation, resource: 'r', ...extra });

describe('translateAwsError', () => {
  it.each([
    ['no credentials at all', new Error('Could not load credentials from any providers'), ctx('sts', 'GetCallerIdentity'), { name: 'AuthError', code: 'E_AWS_CREDENTIALS', hint: /aws configure/ }],
    ['an expired session', sdkError('ExpiredTokenException', 'The security token included in the request is expired'), ctx('dynamodb', 'Query'), { name: 'AuthError', code: 'E_AWS_CREDENTIALS', hint: /sso login/ }],
    ['an unknown access key', sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'), ctx('dynamodb', 'Query'), { name: 'AuthError', code: 'E_AWS_CREDENTIALS' }],
    ['no region', new Error('Region is missing'), ctx('s3', 'PutObject'), { name: 'ConfigError', code: 'E_AWS_REGION', hint: /--region/ }],
    [
      'a denial that names the action',
      sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: dynamodb:BatchWriteItem on resource: arn:aws:dynamodb:us-east-1:1:table/talent'),
      ctx('dynamodb', 'BatchWriteItem'),
      { name: 'AuthError', code: 'E_AWS_ACCESS_DENIED', hint: /Allow dynamodb:BatchWriteItem/ },
    ],
    ['a denial without the action', sdkError('AccessDenied', 'Access Denied', { $metadata: { httpStatusCode: 403 } }), ctx('s3', 'PutObject'), { code: 'E_AWS_ACCESS_DENIED', hint: /Allow s3:PutObject/ }],
    ['a 403 on HeadObject', sdkError('Forbidden', 'UnknownError', { $metadata: { httpStatusCode: 403 } }), ctx('s3', 'HeadObject'), { code: 'E_AWS_ACCESS_DENIED', hint: /s3:GetObject \(and s3:ListBucket/ }],
    [
      'a KMS denial',
      sdkError('AccessDenied', 'User is not authorized to perform: kms:GenerateDataKey on the key', { $metadata: { httpStatusCode: 403 } }),
      ctx('s3', 'PutObject'),
      { code: 'E_AWS_ACCESS_DENIED', hint: /kms:Decrypt and kms:GenerateDataKey/ },
    ],
    ['throttling', sdkError('ThrottlingException', 'Rate exceeded', { $retryable: { throttling: true } }), ctx('textract', 'DetectDocumentText'), { name: 'RateLimitError', code: 'E_AWS_THROTTLED', retryable: true }],
    ['an exhausted quota', sdkError('ServiceQuotaExceededException', 'quota'), ctx('bedrock', 'Converse'), { name: 'RateLimitError', code: 'E_AWS_QUOTA', retryable: false, hint: /Service Quotas/ }],
    ['a missing table', sdkError('ResourceNotFoundException', 'Requested resource not found'), ctx('dynamodb', 'GetItem'), { name: 'ConfigError', code: 'E_AWS_RESOURCE_NOT_FOUND', hint: /talent deploy/ }],
    ['a server fault', sdkError('InternalServerError', 'oops', { $fault: 'server', $metadata: { httpStatusCode: 500 } }), ctx('dynamodb', 'Query'), { name: 'ProviderUnavailableError', retryable: true }],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), ctx('s3', 'PutObject'), { name: 'ProviderUnavailableError', retryable: true, hint: /aws\.endpoints/ }],
    ['a validation error', sdkError('ValidationException', 'Item size has exceeded the maximum allowed size'), ctx('dynamodb', 'PutItem'), { name: 'ValidationError', code: 'E_AWS_VALIDATION' }],
    ['anything else', sdkError('WeirdException', 'odd'), ctx('sns', 'Publish'), { name: 'TalentError', code: 'E_AWS', fault: 'user', retryable: false, hint: /talent doctor/ }],
    [
      'a missing OpenSearch index',
      Object.assign(new Error('index_not_found_exception'), { name: 'ResponseError', meta: { statusCode: 404, body: { error: { type: 'index_not_found_exception', reason: 'no such index [x]' } } } }),
      ctx('opensearch', 'Search', { opensearchService: 'aoss' }),
      { code: 'E_AWS_RESOURCE_NOT_FOUND' },
    ],
    [
      'an OpenSearch Serverless 403',
      Object.assign(new Error('Response Error'), { name: 'ResponseError', meta: { statusCode: 403, body: { message: 'Forbidden' } } }),
      ctx('opensearch', 'Bulk', { opensearchService: 'aoss' }),
      { code: 'E_AWS_ACCESS_DENIED', hint: /aoss:APIAccessAll, and a data access policy/ },
    ],
  ])('%s', (_name, err, context, expected) => {
    const e = translateAwsError(err, context);
    const { hint, ...rest } = expected as Record<string, unknown> & { hint?: RegExp };
    expect(e).toMatchObject(rest);
    if (hint) expect(e.hint).toMatch(hint);
    expect(e.cause).toBe(err);
    expect(shouldRetry(e)).toBe(e.retryable);
  });

  it('keeps the request id and names the provider', () => {
    const e = translateAwsError(sdkError('ThrottlingException', 'slow down'), ctx('dynamodb', 'Query'));
    expect(e).toMatchObject({ requestId: 'req-1', provider: 'aws:dynamodb' });
    expect(e.message).toContain('dynamodb Query on r');
  });

  it('passes TalentErrors through unchanged', () => {
    const original = new NotFoundError('gone');
    expect(translateAwsError(original, ctx('s3', 'GetObject'))).toBe(original);
  });

  it('maps operations to the IAM actions the deploy policy grants', () => {
    expect(iamActionFor(ctx('bedrock', 'Converse'))).toBe('bedrock:InvokeModel');
    expect(iamActionFor(ctx('s3', 'UploadPart'))).toBe('s3:PutObject');
    expect(iamActionFor(ctx('opensearch', 'Bulk', { opensearchService: 'es' }))).toMatch(/^es:ESHttpGet/);
  });
});
