import { readFile } from 'node:fs/promises';
import type { CommandRun } from '../main.js';
import { resolveFromGlobals } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson } from '../output.js';
import { NotFoundError } from '../../sdk/errors.js';

/** Extracts and parses one file. Needs no database and no embedding model. */
export const run: CommandRun = async ({ io, globals, json }, [file]) => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file!));
  } catch {
    throw new NotFoundError(`Cannot read ${file}`, { code: 'E_PATH_NOT_FOUND', file, hint: 'Check the path.' });
  }
  const resolved = await resolveFromGlobals(io, globals);
  const [{ LocalTextExtractor }, { RuleBasedParser }, { loadTaxonomy }] = await Promise.all([
    import('../../sdk/local/extract.js'),
    import('../../sdk/local/parser/index.js'),
    import('../../sdk/matching/taxonomy.js'),
  ]);
  const extracted = await new LocalTextExtractor().extract({ bytes, fileName: file });
  const parser = new RuleBasedParser({ taxonomy: loadTaxonomy(resolved.config.parsing.extraSkills), defaultCountry: resolved.config.parsing.defaultCountry });
  const profile = await parser.parse(extracted.text);
  if (json) {
    printJson(io, { file, mediaType: extracted.mediaType, profile, warnings: extracted.warnings });
    return ExitCode.Ok;
  }
  const p = profile;
  const out = (l: string) => io.stdout.write(`${l}\n`);
  out(`${p.name ?? '(no name found)'}${p.location ? ` — ${p.location}` : ''}`);
  if (p.emails.length || p.phones.length) out([...p.emails, ...p.phones].join(' · '));
  for (const l of p.links) out(`${l.kind}: ${l.url}`);
  out(`experience: ${p.totalYears} years`);
  for (const e of p.experience) out(`  ${e.start ?? '?'} – ${e.current ? 'present' : (e.end ?? '?')}  ${e.title ?? '?'} @ ${e.company ?? '?'}`);
  if (p.education.length) out('education:');
  for (const e of p.education) out(`  ${e.degree}${e.field ? ` in ${e.field}` : ''}${e.institution ? `, ${e.institution}` : ''}${e.graduationYear ? ` (${e.graduationYear})` : ''}`);
  out(`skills: ${p.skills.map((s) => (s.years ? `${s.name} (${s.years}y)` : s.name)).join(', ')}`);
  if (p.certifications.length) out(`certifications: ${p.certifications.join('; ')}`);
  if (p.languages.length) out(`languages: ${p.languages.join(', ')}`);
  return ExitCode.Ok;
};
