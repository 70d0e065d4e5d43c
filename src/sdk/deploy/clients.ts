/**
 * AWS clients for deploying, built from talent's config. Credentials come from
 * the AWS SDK's default provider chain (env, shared config and SSO profiles,
 * process, web identity, IMDS/ECS); `profile` picks a shared-config profile.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { commonClientConfig } from '../aws/clients.js';
import { ConfigError, TalentError } from '../errors.js';
import { fromAwsError } from './aws-errors.js';

export interface DeployClientOptions {
  region?: string;
  profile?: string;
  /** Endpoint overrides (config `aws.endpoints.*`), e.g. for emulators. */
  endpoints?: { cloudformation?: string; s3?: string };
}

export interface DeployClients {
  cloudformation: CloudFormationClient;
  s3: S3Client;
  sts: STSClient;
  /** The region the clients use (from the options, or the AWS default chain). */
  region: string;
}

/** Builds the CloudFormation, S3 and STS clients; fails with a remedy when no region can be found. */
export async function createDeployClients(o: DeployClientOptions = {}): Promise<DeployClients> {
  // The aws backend's client settings: adaptive retries absorb the throttling that polling
  // DescribeStackEvents meets on busy accounts.
  const common = commonClientConfig({ region: o.region, profile: o.profile });
  const cloudformation = new CloudFormationClient({ ...common, ...(o.endpoints?.cloudformation ? { endpoint: o.endpoints.cloudformation } : {}) });
  let region: string;
  try {
    region = await cloudformation.config.region();
  } catch (err) {
    region = '';
    if (!(err instanceof Error)) throw err;
  }
  if (!region) {
    throw new ConfigError('No AWS region is configured', {
      code: 'E_AWS_REGION',
      hint: 'Pass --region, set aws.region in the config (or TALENT_AWS_REGION), AWS_REGION, or a region in your AWS profile.',
    });
  }
  const s3 = new S3Client({ ...common, region, ...(o.endpoints?.s3 ? { endpoint: o.endpoints.s3, forcePathStyle: true } : {}) });
  const sts = new STSClient({ ...common, region });
  return { cloudformation, s3, sts, region };
}

/**
 * Turns the caller's ARN (from STS GetCallerIdentity) into a principal an
 * OpenSearch data access policy accepts: an assumed-role session becomes its
 * role (`arn:aws:iam::<account>:role/<name>`); users and the root stay as they are.
 * A role with a path (SSO roles live under `aws-reserved/sso.amazonaws.com/`)
 * cannot be rebuilt from the session ARN: pass its ARN explicitly then.
 */
export function principalFromCallerArn(arn: string): string {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  if (m) {
    const [, partition, account, role] = m;
    const path = role!.startsWith('AWSReservedSSO_') ? 'aws-reserved/sso.amazonaws.com/' : '';
    return `arn:${partition}:iam::${account}:role/${path}${role}`;
  }
  if (/^arn:[^:]+:iam::\d{12}:(user\/.+|root)$/.test(arn)) return arn;
  throw new TalentError(`Cannot use ${arn} as a principal in the search data access policy`, {
    code: 'E_USAGE',
    fault: 'user',
    hint: 'Pass the IAM role or user ARN that runs talent with --principal <arn>.',
  });
}

/** The deploying identity as a data-access principal (see principalFromCallerArn). */
export async function callerPrincipal(sts: STSClient, signal?: AbortSignal): Promise<{ callerArn: string; principal: string; account: string }> {
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    const callerArn = id.Arn ?? '';
    return { callerArn, principal: principalFromCallerArn(callerArn), account: id.Account ?? '' };
  } catch (err) {
    throw fromAwsError(err, 'sts:GetCallerIdentity');
  }
}
