/**
 * `talent destroy`: delete the environment's stack and everything in it. Looks
 * first; refuses a bucket that still holds resumes unless --force; confirms on a
 * terminal (or needs --yes); streams stack events on stderr while it waits.
 */
import type { CommandRun } from '../main.js';
import { ExitCode } from '../exit-codes.js';
import { paint, say } from '../io.js';
import { printJson, printTable } from '../output.js';
import { confirmationMode, confirmOrCancel, environmentFrom, eventLine, openStack, withInterrupt } from './stack-shared.js';

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const env = await environmentFrom(options);
  const dryRun = Boolean(options.dryRun);
  const force = Boolean(options.force);
  const mode = dryRun ? 'yes' : confirmationMode(io, options, json);
  const { planDestroy, destroyStack, bucketNotEmpty } = await import('../../sdk/deploy/index.js');
  const { resolved, deployer, region, stackName } = await openStack(io, globals, env);

  const plan = await withInterrupt((signal) => planDestroy(deployer, stackName, signal));
  if (!plan) {
    say(io, `Stack ${stackName} does not exist in ${region}: nothing to destroy.`);
    if (json) printJson(io, { stackName, environment: env, region, dryRun, exists: false, deleted: false });
    return ExitCode.Ok;
  }
  const nonEmpty = plan.buckets.filter((b) => b.nonEmpty).map((b) => b.bucket);
  const report = { stackName, environment: env, region, dryRun, exists: true, status: plan.status, resources: plan.resources, buckets: plan.buckets };
  if (dryRun) {
    if (json) printJson(io, { ...report, deleted: false, needsForce: nonEmpty.length > 0 });
    else {
      io.stdout.write(`would delete ${stackName} in ${region} (${plan.resources.length} resources)\n`);
      printTable(io, ['resource', 'type', 'physical id'], plan.resources.map((r) => [r.logicalResourceId, r.resourceType, r.physicalResourceId]));
      for (const b of nonEmpty) io.stdout.write(`bucket ${b} is not empty: destroying needs --force, which deletes every object version in it\n`);
    }
    return ExitCode.Ok;
  }
  // Refuse before asking: no point confirming something that will not happen.
  if (nonEmpty.length > 0 && !force) throw bucketNotEmpty(nonEmpty[0]!);
  say(io, `Delete stack ${stackName} in ${region}: ${plan.resources.length} resources, including the table, the search index and the KMS key (scheduled for deletion).`);
  for (const b of nonEmpty) say(io, paint(io, 31, `--force: every object version in s3://${b} will be deleted.`));
  if (mode === 'ask') await confirmOrCancel(`Delete ${stackName} and all its data? This cannot be undone.`);

  const result = await withInterrupt((signal) =>
    destroyStack(deployer, plan, {
      force,
      signal,
      onEvent: (e) => say(io, eventLine(io, e)),
      onEmptying: (bucket, n) => say(io, `s3://${bucket}: ${n} object versions deleted`),
    }),
  );
  const aws = resolved.config.aws;
  if (resolved.config.backend === 'aws' && (aws.table === plan.resources.find((r) => r.logicalResourceId === 'Table')?.physicalResourceId)) {
    say(io, 'The config file still names the deleted resources: run `talent deploy` again, or set backend to local.');
  }
  if (json) printJson(io, { ...report, deleted: true, deletedObjectVersions: result.deletedObjectVersions });
  else io.stdout.write(`deleted ${stackName} in ${region}${result.deletedObjectVersions ? ` (and ${result.deletedObjectVersions} object versions)` : ''}\n`);
  return ExitCode.Ok;
};
