import type { ResolvedConfig, TalentClient } from '../sdk/index.js';
import { paint, say, type Io } from './io.js';

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  dataDir?: string;
  config?: string;
  backend?: string;
  profile?: string;
  region?: string;
}

export async function resolveFromGlobals(io: Io, globals: GlobalOptions): Promise<ResolvedConfig> {
  const { resolveConfig } = await import('../sdk/index.js');
  const env = globals.config ? { ...io.env, TALENT_CONFIG: globals.config } : io.env;
  const overrides: Record<string, unknown> = {};
  if (globals.dataDir) overrides.dataDir = globals.dataDir;
  if (globals.backend) overrides.backend = globals.backend;
  if (globals.profile || globals.region) overrides.aws = { ...(globals.profile ? { profile: globals.profile } : {}), ...(globals.region ? { region: globals.region } : {}) };
  return resolveConfig({ overrides, env });
}

/** Resolves config, says which backend is active (on stderr), and opens a client. */
export async function openClient(io: Io, globals: GlobalOptions): Promise<TalentClient> {
  const resolved = await resolveFromGlobals(io, globals);
  const { createTalent } = await import('../sdk/index.js');
  const client = await createTalent({}, { resolved });
  say(io, paint(io, 2, `talent: ${client.backend} backend, data in ${client.location}`));
  return client;
}

/** Opens a client, runs `fn`, and always closes the client. */
export async function withClient<T>(io: Io, globals: GlobalOptions, fn: (talent: TalentClient) => Promise<T>): Promise<T> {
  const talent = await openClient(io, globals);
  try {
    return await fn(talent);
  } finally {
    await talent.close();
  }
}
