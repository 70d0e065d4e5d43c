import { readFile } from 'node:fs/promises';
import type { CommandRun } from '../main.js';
import { resolveFromGlobals } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson } from '../output.js';
import { NotFoundError } from '../../sdk/errors.js';
import type { Profile } from '../../sdk/model/index.js';

/** Extracts and parses one file. Needs no database and no embedding model. */
export const run: CommandRun = async ({ io, globals, json }, [file], options) => {
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
  const parsing = resolved.config.parsing;
  const extractor = new LocalTextExtractor({ ocr: parsing.ocr, timeoutMs: parsing.extractTimeoutMs, memoryMb: parsing.extractMemoryMb });
  let extracted;
  try {
    extracted = await extractor.extract({ bytes, fileName: file });
  } finally {
    await extractor.close();
  }
  const parser = new RuleBasedParser({ taxonomy: loadTaxonomy(parsing.extraSkills), defaultCountry: parsing.defaultCountry });
  const profile = await parser.parse(extracted.text);
  if (json) {
    printJson(io, { file, mediaType: extracted.mediaType, profile, warnings: extracted.warnings, ...(options.text ? { text: extracted.text } : {}) });
    return ExitCode.Ok;
  }
  for (const w of extracted.warnings) io.stderr.write(`warning: ${file}: ${w}\n`);
  // --text: what the parser read, to see why a field came out as it did.
  if (options.text) io.stdout.write(`${extracted.text}\n`);
  else printProfile((l) => io.stdout.write(`${l}\n`), profile, extracted.mediaType);
  return ExitCode.Ok;
};

/** The human view of a profile: one field per line, confidences in brackets. */
function printProfile(out: (line: string) => void, p: Profile, mediaType: string): void {
  const c = p.confidence;
  const conf = (k: keyof NonNullable<Profile['confidence']>) => (c ? `  [${c[k].toFixed(2)}]` : '');
  out(`${p.name ?? '(no name found)'}${p.headline ? ` — ${p.headline}` : ''}${conf('name')}`);
  out(`format: ${mediaType}`);
  if (p.location) out(`location: ${p.location}${conf('location')}`);
  if (p.emails.length) out(`email: ${p.emails.join(', ')}${conf('emails')}`);
  if (p.phones.length) out(`phone: ${p.phones.join(', ')}${conf('phones')}`);
  for (const l of p.links) out(`${l.kind}: ${l.url}`);
  if (p.summary) out(`summary: ${p.summary.length > 200 ? `${p.summary.slice(0, 197)}…` : p.summary}${conf('summary')}`);
  out(`experience: ${p.totalYears} years${p.seniority ? `, ${p.seniority}` : ''}${conf('totalYears')}`);
  for (const e of p.experience) {
    const when = e.start ? `${e.start} – ${e.current ? 'present' : (e.end ?? '?')}` : '(no dates)';
    out(`  ${when}  ${e.title ?? '?'} @ ${e.company ?? '?'}${e.location ? `, ${e.location}` : ''}${e.skills.length ? `  [${e.skills.join(', ')}]` : ''}`);
  }
  if (p.roles?.length) out(`other roles: ${p.roles.join('; ')}${conf('roles')}`);
  if (p.education.length) out(`education:${conf('education')}`);
  for (const e of p.education) out(`  ${e.degree}${e.field ? ` in ${e.field}` : ''}${e.institution ? `, ${e.institution}` : ''}${e.graduationYear ? ` (${e.graduationYear})` : ''}`);
  out(`skills: ${p.skills.map((s) => (s.years ? `${s.name} (${s.years}y)` : s.name)).join(', ')}${conf('skills')}`);
  if (p.certifications.length) out(`certifications: ${p.certifications.join('; ')}`);
  if (p.languages.length) out(`languages: ${p.languages.join(', ')}`);
}
