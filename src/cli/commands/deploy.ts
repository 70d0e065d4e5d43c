/**
 * `talent deploy`: create or update the environment's stack through a change
 * set, show it, confirm, execute with stack events on stderr, and write the
 * outputs into the project config. `--dry-run` shows the change set and deletes it.
 */
import type { CommandRun } from '../main.js';
import { ExitCode } from '../exit-codes.js';
import { paint, say, warn, type Io } from '../io.js';
import { printJson, printTable } from '../output.js';
import { confirmationMode, confirmOrCancel, environmentFrom, eventLine, openStack, usage, withInterrupt } from './stack-shared.js';
import type { DeployPlan, ResourceChangeSummary } from '../../sdk/deploy/index.js';

/** `--parameter Key=Value` (repeatable) into a map. */
function parseParameters(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (raw as string[] | undefined) ?? []) {
    const eq = item.indexOf('=');
    if (eq < 1) throw usage(`--parameter expects Key=Value, got "${item}"`, 'Example: --parameter AlarmEmail=ops@example.com');
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function printChanges(io: Io, changes: ResourceChangeSummary[], toStdout: boolean): void {
  const rows = changes.map((c) => [c.action, c.logicalResourceId, c.resourceType, c.replacement ?? '']);
  if (toStdout) return printTable(io, ['action', 'resource', 'type', 'replacement'], rows);
  // Before a real deploy the change set is a question for the person, not the result: stderr.
  const widths = [6, 24, 40];
  say(io, paint(io, 1, ['action', 'resource', 'type', 'replacement'].map((h, i) => h.padEnd(widths[i] ?? 0)).join('  ').trimEnd()));
  for (const r of rows) say(io, r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const deploy = await import('../../sdk/deploy/index.js');
  if (options.printTemplate) {
    const loaded = await deploy.loadTemplate();
    if (json) printJson(io, loaded.template);
    else io.stdout.write(loaded.body.endsWith('\n') ? loaded.body : `${loaded.body}\n`);
    return ExitCode.Ok;
  }
  const env = await environmentFrom(options);
  const dryRun = Boolean(options.dryRun);
  // Decide before any AWS call, so a CI job without --yes fails fast and changes nothing.
  const mode = dryRun ? 'yes' : confirmationMode(io, options, json);
  const explicit = parseParameters(options.parameter);
  const principals = (options.principal as string[] | undefined) ?? [];
  if (principals.length > 0) explicit.DataAccessPrincipalArns = principals.join(',');

  const { resolved, deployer, region, stackName, clients } = await openStack(io, globals, env);
  const aws = resolved.config.aws;
  const loaded = await deploy.loadTemplate();
  say(io, paint(io, 2, `talent: ${dryRun ? 'planning' : 'deploying'} stack ${stackName} (environment ${env}) in ${region}`));

  const plan: DeployPlan = await withInterrupt((signal) =>
    deployer.plan({
      stackName,
      templateBody: loaded.body,
      templateParameters: Object.keys(loaded.template.Parameters ?? {}),
      parameters: { EnvironmentName: env, ParseModelId: aws.bedrock.parseModelId, EmbedModelId: aws.bedrock.embedModelId, ...explicit },
      // Asked only for a new stack: who may use the search index defaults to whoever deploys.
      defaults: {
        DataAccessPrincipalArns: async () => {
          const me = await deploy.callerPrincipal(clients.sts, signal);
          if (me.principal.includes('/aws-reserved/')) warn(io, `search access granted to ${me.principal} (an SSO role); if that ARN is wrong, pass --principal`);
          return me.principal;
        },
      },
      tags: { 'talent:environment': env },
      description: `talent deploy (${env})`,
      signal,
    }),
  );
  const counts = deploy.countChanges(plan.changes);
  const changeSet = { type: plan.type, status: plan.status, summary: deploy.describeCounts(counts), changes: plan.changes };
  const report = { stackName, environment: env, region, dryRun, changeSet, parameters: plan.parameters };

  if (plan.status === 'no-changes') {
    say(io, `No changes: stack ${stackName} already matches the template and parameters.`);
  } else if (!json) {
    if (dryRun) io.stdout.write(`${plan.type === 'CREATE' ? 'create' : 'update'} ${stackName} in ${region}: ${changeSet.summary}\n`);
    else say(io, `${plan.type === 'CREATE' ? 'Create' : 'Update'} ${stackName} in ${region}: ${changeSet.summary}`);
    printChanges(io, plan.changes, dryRun);
  }
  if (dryRun) {
    await deployer.discard(plan);
    if (json) printJson(io, { ...report, applied: false });
    return ExitCode.Ok;
  }
  if (plan.status === 'ready' && mode === 'ask') {
    const danger = deploy.isDestructive(counts) ? ' Resources marked Remove or replacement True lose their data.' : '';
    await confirmOrCancel(`Apply these changes to ${stackName} in ${region}?${danger}`, () => deployer.discard(plan));
  }
  const result = await withInterrupt((signal) => deployer.execute(plan, { signal, onEvent: (e) => say(io, eventLine(io, e)) }));
  const values = deploy.configFromOutputs(result.outputs, result.region ?? region);
  const written = await deploy.writeDeployedConfig({ cwd: process.cwd(), env: io.env, file: globals.config, values });
  say(io, `${written.created ? 'Created' : 'Updated'} ${written.file}: backend aws, with the stack's resources.`);
  if (result.outputs.CliPolicyArn) say(io, `Attach ${result.outputs.CliPolicyArn} to the roles or users that run talent.`);

  if (json) {
    printJson(io, { ...report, applied: plan.status === 'ready', status: result.status, stackId: result.stackId, outputs: result.outputs, config: { file: written.file, created: written.created, values } });
  } else {
    printTable(io, ['output', 'value'], Object.entries(result.outputs).sort(([a], [b]) => a.localeCompare(b)));
  }
  return ExitCode.Ok;
};
