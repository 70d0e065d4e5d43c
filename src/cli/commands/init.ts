import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRun } from '../main.js';
import { ExitCode } from '../exit-codes.js';
import { canPrompt, say } from '../io.js';
import { printJson } from '../output.js';
import { TalentError } from '../../sdk/errors.js';

export const CONFIG_FILE = '.talentrc.json';

interface InitAnswers {
  backend: 'local' | 'aws';
  dataDir: string;
  defaultCountry: string;
}

const DEFAULTS: InitAnswers = { backend: 'local', dataDir: './.talent', defaultCountry: 'US' };

export const run: CommandRun = async ({ io, json }, _args, options) => {
  const file = join(process.cwd(), CONFIG_FILE);
  if (existsSync(file) && !options.force && !options.dryRun) {
    throw new TalentError(`${file} already exists`, { code: 'E_CONFIG_EXISTS', fault: 'user', file, hint: 'Pass --force to overwrite it, or edit it by hand.' });
  }
  let answers = DEFAULTS;
  if (canPrompt(io, Boolean(options.yes)) && !json) {
    const { default: inquirer } = await import('inquirer');
    answers = await inquirer.prompt<InitAnswers>([
      { type: 'select', name: 'backend', message: 'Backend', choices: ['local', 'aws'], default: DEFAULTS.backend },
      { type: 'input', name: 'dataDir', message: 'Local data folder', default: DEFAULTS.dataDir, when: (a: Partial<InitAnswers>) => a.backend === 'local' },
      { type: 'input', name: 'defaultCountry', message: 'Country for phone numbers without a country code (ISO code)', default: DEFAULTS.defaultCountry, validate: (v: string) => /^[A-Za-z]{2}$/.test(v) || 'two letters, e.g. US' },
    ]);
    answers = { ...DEFAULTS, ...answers };
  } else if (!options.yes) {
    say(io, 'Not running interactively: using the defaults (pass --yes to say so explicitly).');
  }
  const config = {
    backend: answers.backend,
    ...(answers.backend === 'local' ? { dataDir: answers.dataDir } : {}),
    parsing: { defaultCountry: answers.defaultCountry.toUpperCase() },
  };
  if (!options.dryRun) await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  if (json) printJson(io, { file, written: !options.dryRun, config });
  else io.stdout.write(`${options.dryRun ? 'would write' : 'wrote'} ${file}\n${JSON.stringify(config, null, 2)}\n`);
  return ExitCode.Ok;
};
