/**
 * Every environment variable talent reads, in one typed registry: the config
 * resolver, `talent config show` and the README table all come from here.
 */
export interface EnvVar {
  name: string;
  /** Dotted config path the variable sets, when it maps to config. */
  configPath?: string;
  description: string;
  secret?: boolean;
}

export const ENV_VARS = [
  { name: 'TALENT_BACKEND', configPath: 'backend', description: 'Backend: local (default) or aws.' },
  { name: 'TALENT_DATA_DIR', configPath: 'dataDir', description: 'Where the local backend keeps its database and blobs.' },
  { name: 'TALENT_CONFIG', description: 'Path of a config file to use instead of searching for one.' },
  { name: 'TALENT_EMBEDDER', configPath: 'embedder', description: 'Embedding model: use (Universal Sentence Encoder, default) or fake (tests only).' },
  { name: 'TALENT_DEFAULT_COUNTRY', configPath: 'parsing.defaultCountry', description: 'ISO country used to normalise phone numbers without a country code.' },
  { name: 'TALENT_NOTIFY_TARGET', configPath: 'notify.target', description: 'Where --notify sends matches: stderr (default), stdout, file or webhook.' },
  { name: 'TALENT_NOTIFY_WEBHOOK_URL', configPath: 'notify.webhook.url', description: 'Webhook URL for notify.target webhook.' },
  { name: 'TALENT_NOTIFY_WEBHOOK_SECRET', configPath: 'notify.webhook.secret', description: 'HMAC-SHA256 secret that signs webhook deliveries.', secret: true },
  { name: 'TALENT_AWS_REGION', configPath: 'aws.region', description: 'AWS region for the aws backend (falls back to the AWS default chain).' },
  { name: 'TALENT_AWS_PROFILE', configPath: 'aws.profile', description: 'AWS shared-config profile for the aws backend.' },
  { name: 'TALENT_DEPLOY_POLL_MS', description: 'How often talent deploy/destroy poll CloudFormation, in milliseconds (default 5000).' },
  { name: 'TALENT_OPENSEARCH_URL', description: 'Tests only: an OpenSearch endpoint for the live SearchIndex contract test (skipped when unset).' },
  { name: 'TALENT_OPENSEARCH_SERVICE', description: 'Tests only: es or aoss to SigV4-sign the live OpenSearch test (unset: no signing).' },
] as const satisfies readonly EnvVar[];

export type EnvVarName = (typeof ENV_VARS)[number]['name'];

export function readEnv(name: EnvVarName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}
