import type { CommandRun } from '../../main.js';
import { withClient } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson } from '../../output.js';

export const run: CommandRun = async ({ io, globals, json }, [id]) =>
  withClient(io, globals, async (talent) => {
    const c = await talent.candidates.get(id!);
    if (json) {
      // Neither the text nor the match data derived from it (src/sdk/matching/match-data.ts) is shown.
      const { text: _text, match: _match, ...rest } = c;
      printJson(io, rest);
      return ExitCode.Ok;
    }
    const p = c.profile;
    const out = (l: string) => io.stdout.write(`${l}\n`);
    out(`${c.id}  ${p.name ?? '(no name found)'}${p.location ? ` — ${p.location}` : ''}`);
    out(`source: ${c.source}`);
    if (p.emails.length || p.phones.length) out([...p.emails, ...p.phones].join(' · '));
    out(`experience: ${p.totalYears} years`);
    for (const e of p.experience) out(`  ${e.start ?? '?'} – ${e.current ? 'present' : (e.end ?? '?')}  ${e.title ?? '?'} @ ${e.company ?? '?'}`);
    for (const e of p.education) out(`education: ${e.degree}${e.field ? ` in ${e.field}` : ''}${e.institution ? `, ${e.institution}` : ''}${e.graduationYear ? ` (${e.graduationYear})` : ''}`);
    out(`skills: ${p.skills.map((s) => s.name).join(', ')}`);
    return ExitCode.Ok;
  });
