/**
 * A self-contained HTML report of ranked candidates for a job: inline CSS, no
 * scripts, no external assets, so it can be mailed or archived as one file.
 */
import type { Job, Match, RequirementCheck } from '../model/index.js';

export interface ReportInput {
  job: Job;
  matches: Match[];
  createdAt: string;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LABELS: Record<string, string> = {
  requiredSkills: 'Required skills',
  niceToHaveSkills: 'Nice-to-have skills',
  semantic: 'Semantic similarity',
  keyword: 'Keyword relevance',
  experience: 'Years of experience',
  title: 'Title match',
  location: 'Location fit',
};
const KIND: Record<RequirementCheck['kind'], string> = { skill: 'required', niceToHave: 'nice to have', experience: 'experience', location: 'location', title: 'title' };

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2433;background:#f4f6fa}
header{background:#1f3a5f;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header .meta{opacity:.85;font-size:13px}
.chips{margin-top:10px}.chip{display:inline-block;margin:2px 4px 2px 0;padding:2px 8px;border-radius:10px;background:rgba(255,255,255,.15);font-size:12px}.chip.must{background:#f2b134;color:#1d2433;font-weight:600}
main{padding:20px 32px;max-width:1200px}.card{background:#fff;border:1px solid #dde3ec;border-radius:8px;margin:0 0 16px;padding:16px 20px}
.top{display:flex;align-items:baseline;gap:14px}.rank{font-size:20px;font-weight:700;color:#1f3a5f;min-width:36px}.who{font-size:16px;font-weight:600}.id{color:#6b7588;font-size:12px}
.score{margin-left:auto;font-size:22px;font-weight:700}.summary{color:#4a5568;margin:4px 0 10px 50px}
.grid{display:grid;grid-template-columns:minmax(260px,380px) 1fr;gap:20px;margin-left:50px}
.bar{display:grid;grid-template-columns:150px 1fr 48px;align-items:center;gap:8px;margin:3px 0;font-size:12px}
.track{height:10px;background:#e8ecf2;border-radius:5px;overflow:hidden}.fill{height:100%;background:#3b7dd8}.fill.total{background:#1f3a5f}
.w{color:#6b7588;font-size:11px}table{border-collapse:collapse;width:100%;font-size:12px}td{padding:4px 6px;border-top:1px solid #eef1f5;vertical-align:top}
.v{display:inline-block;min-width:58px;text-align:center;padding:1px 6px;border-radius:9px;font-weight:600;font-size:11px}
.met{background:#d7f3e3;color:#14683c}.partial{background:#fdefc8;color:#8a5a00}.missing{background:#fadcdc;color:#9b1c1c}
.must{font-size:10px;color:#9b1c1c;font-weight:700;margin-left:4px}.ev{color:#4a5568;margin:2px 0 0}.ev q{quotes:none}.ln{color:#98a2b3;font-size:10px;margin-right:4px}
mark{background:#fff2a8;padding:0 1px}details{color:#6b7588;font-size:11px}summary{cursor:pointer}.k{color:#6b7588}footer{color:#6b7588;font-size:12px;padding:0 32px 24px}
`;

function highlight(text: string, term: string): string {
  const safe = esc(text);
  const t = esc(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!t || t.length < 2) return safe;
  // Whole words only; short names by case too ("Go" the language, not "go" or "good").
  return safe.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${t})(?![\\p{L}\\p{N}])`, term.length <= 3 ? 'gu' : 'giu'), '<mark>$1</mark>');
}

function bar(label: string, value: number, note: string, total = false): string {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return `<div class="bar"><span>${esc(label)} <span class="w">${esc(note)}</span></span><div class="track"><div class="fill${total ? ' total' : ''}" style="width:${pct}%"></div></div><span>${value.toFixed(2)}</span></div>`;
}

function requirementRow(r: RequirementCheck): string {
  const line = (e: RequirementCheck['evidence'][number]) =>
    `<div class="ev">${e.line > 0 ? `<span class="ln">line ${e.line}</span>` : ''}<q>${highlight(e.text, r.kind === 'skill' || r.kind === 'niceToHave' ? r.requirement : '')}</q></div>`;
  // The first line shows; the others fold away, so a long list of candidates stays readable.
  const [first, ...rest] = r.evidence;
  const evidence = first ? `${line(first)}${rest.length ? `<details><summary>${rest.length} more line${rest.length > 1 ? 's' : ''}</summary>${rest.map(line).join('')}</details>` : ''}` : '';
  return `<tr><td><span class="v ${r.verdict}">${r.verdict}</span></td><td><b>${esc(r.requirement)}</b>${r.mustHave ? '<span class="must">MUST</span>' : ''}<div class="k">${esc(KIND[r.kind])}${r.detail ? ` · ${esc(r.detail)}` : ''}</div></td><td>${evidence || '<span class="k">no supporting line</span>'}</td></tr>`;
}

function card(m: Match): string {
  const e = m.explanation;
  const bars = [
    bar('Score', m.score, '', true),
    ...e.components.map((c) => bar(LABELS[c.name] ?? c.name, c.value, `w ${c.weight} → +${c.contribution.toFixed(3)}`)),
  ].join('');
  const reqs = (e.requirements ?? []).map(requirementRow).join('');
  const who = m.name ?? `Candidate ${m.candidateId}`;
  return `<section class="card" data-candidate="${esc(m.candidateId)}" data-rank="${m.rank}">
<div class="top"><span class="rank">#${m.rank}</span><span class="who">${esc(who)}</span><span class="id">${esc(m.candidateId)}${e.blind ? '' : ` · ${esc(m.source)}`}</span><span class="score">${m.score.toFixed(3)}</span></div>
<div class="summary">${esc(e.summary)}</div>
<div class="grid"><div class="bars">${bars}</div><div><table>${reqs}</table></div></div>
</section>`;
}

/** The report as one HTML document. */
export function renderMatchReport(input: ReportInput): string {
  const { job, matches } = input;
  const must = new Set(job.mustHave ?? []);
  const chips = [
    ...job.requiredSkills.map((s) => `<span class="chip${must.has(s) ? ' must' : ''}">${esc(s)}${must.has(s) ? ' (must)' : ''}</span>`),
    ...job.niceToHaveSkills.map((s) => `<span class="chip" style="opacity:.75">+ ${esc(s)}</span>`),
  ].join('');
  const blind = matches.some((m) => m.explanation.blind);
  const meta = [job.id, job.location, job.minYears ? `${job.minYears}+ years` : '', `${matches.length} candidates`, blind ? 'blind mode' : '', `ranked ${input.createdAt.replace('T', ' ').slice(0, 16)} UTC`]
    .filter(Boolean)
    .map(esc)
    .join(' · ');
  const body = matches.length ? matches.map(card).join('\n') : '<section class="card">No candidates matched this job (import resumes, or relax the filters).</section>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${job.title} — ranked candidates`)}</title><style>${CSS}</style></head>
<body><header><h1>${esc(job.title)}</h1><div class="meta">${meta}</div><div class="chips">${chips}</div></header>
<main>${body}</main>
<footer>Score = weighted mean of the components shown (contributions add up to the score). Verdicts: met, partial, missing; evidence lines quote the resume${blind ? ' with personal details redacted' : ''}. Generated by talent.</footer>
</body></html>
`;
}
