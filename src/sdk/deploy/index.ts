/**
 * `talent/deploy`: stand up, update and tear down the AWS resources of the aws
 * backend from the bundled CloudFormation template (`infra/talent.yaml`).
 * A separate entry point, so `import 'talent'` never loads the CloudFormation client.
 *
 * @example
 * import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
 * import { StackDeployer, loadTemplate } from 'talent/deploy';
 * const { body, template } = await loadTemplate();
 * const deployer = new StackDeployer({ cloudformation: new CloudFormationClient({ region: 'eu-west-1' }) });
 * const plan = await deployer.plan({ stackName: 'talent-dev', templateBody: body,
 *   templateParameters: Object.keys(template.Parameters ?? {}),
 *   parameters: { EnvironmentName: 'dev', DataAccessPrincipalArns: 'arn:aws:iam::123456789012:role/talent' } });
 * const result = await deployer.execute(plan, { onEvent: (e) => console.error(e.status, e.logicalResourceId) });
 */
export { StackDeployer } from './deployer.js';
export type { DeployPlan, DeployResult, PlanInput, ResourceChangeSummary, StackDeployerOptions } from './deployer.js';
export { planDestroy, destroyStack, emptyBucket, bucketNotEmpty } from './destroy.js';
export type { BucketState, DestroyPlan, DestroyResult } from './destroy.js';
export { StackOperationError, failuresIn, regionFromStackId, isTerminalStatus } from './stack.js';
export type { DeployEvent, ResourceFailure, StackOperation } from './stack.js';
export { configFromOutputs, mergeConfig, writeDeployedConfig } from './config-file.js';
export type { DeployedConfig, WriteConfigOptions, WriteConfigResult } from './config-file.js';
export { createDeployClients, callerPrincipal, principalFromCallerArn } from './clients.js';
export type { DeployClientOptions, DeployClients } from './clients.js';
export { bundledTemplatePath, loadTemplate, parseCloudFormationYaml, asTemplate } from './template.js';
export type { CfnParameter, CfnResource, CfnTemplate, LoadedTemplate } from './template.js';
export { countChanges, describeCounts, isDestructive } from './summary.js';
export type { ChangeCounts } from './summary.js';
export { fromAwsError } from './aws-errors.js';

/** The stack for an environment: `<aws.stackName>-<env>`, e.g. `talent-staging`. */
export const stackNameFor = (base: string, env: string): string => `${base}-${env}`;

/** Environment names the template accepts (they become part of resource names). */
export const ENV_NAME_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;
