/** Dates and date ranges as resumes write them. */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  // Terms, as internships and school years write them ("Summer 2019 – Fall 2019"): their first month.
  spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12,
};

const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\\.?';
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
// "Jan 2019", "Jan, 2019", "Jan-2019", "Jan/2019", "Aug '17", "03/2019", "2019-03", "2019".
const DATE = `(?:${MONTH_NAME}['’]?,?\\s*(?:[-/]\\s*)?['’]?${YEAR}|${MONTH_NAME}\\s*['’]\\d{2}(?!\\d)|(?:0?[1-9]|1[0-2])\\s*[/.\\-]\\s*${YEAR}|${YEAR}\\s*[/.\\-]\\s*(?:0?[1-9]|1[0-2])(?!\\d)|${YEAR})`;
const PRESENT = '(?:present|current(?:ly)?|now|today|till date|to date|ongoing)';
const SEP = '\\s*(?:–|—|-|‒|―|to|until|till|through|thru|~)\\s*';

// "Aug '17 till date": before a word for "now", plain space separates the two ends too.
export const DATE_RANGE = new RegExp(`(?:(?:from|since)\\s+)?(${DATE})(?:${SEP}(${DATE}|${PRESENT})|\\s+(${PRESENT}))`, 'i');
const SINCE = new RegExp(`\\b(?:since|from)\\s+(${DATE})\\b(?!${SEP})`, 'i');

export interface DateRange {
  start: string;
  end?: string;
  current: boolean;
  /** The matched text, to cut out of the line. */
  match: string;
  index: number;
}

/** `Jan 2019` → `2019-01`; `2019` → `2019`. */
export function parseDate(s: string): string | undefined {
  const t = s.trim().toLowerCase().replace(/[.,'’]|(?<=[a-z])\s*[-/]/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^([a-z]+) ?(\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!]) return `${m[2]}-${String(MONTHS[m[1]!]).padStart(2, '0')}`;
  // "Aug '17": a two-digit year after a month name.
  m = /^([a-z]+) (\d{2})$/.exec(t);
  if (m && MONTHS[m[1]!]) return `${Number(m[2]) < 50 ? 2000 + Number(m[2]) : 1900 + Number(m[2])}-${String(MONTHS[m[1]!]).padStart(2, '0')}`;
  m = /^(\d{1,2}) ?[/-] ?(\d{4})$/.exec(t) ?? /^(\d{1,2}) (\d{4})$/.exec(t);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4}) ?[/-] ?(\d{1,2})$/.exec(t) ?? /^(\d{4}) (\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  m = /^(\d{4})$/.exec(t);
  return m ? m[1] : undefined;
}

export function findDateRange(line: string): DateRange | undefined {
  const m = DATE_RANGE.exec(line);
  if (m) {
    const start = parseDate(m[1]!);
    const endRaw = (m[2] ?? m[3])!;
    const current = new RegExp(`^${PRESENT}$`, 'i').test(endRaw.trim());
    const end = current ? undefined : parseDate(endRaw);
    if (start && (current || end)) return { start, end, current, match: m[0], index: m.index };
  }
  const s = SINCE.exec(line);
  if (s) {
    const start = parseDate(s[1]!);
    if (start) return { start, current: true, match: s[0], index: s.index };
  }
  return undefined;
}

/** Months since year 0 of a `YYYY` or `YYYY-MM` date; a bare year counts from January (start) or December (end). */
export function toMonth(d: string, role: 'start' | 'end'): number {
  const [y, m] = d.split('-');
  return Number(y) * 12 + (m ? Number(m) - 1 : role === 'start' ? 0 : 11);
}

/** Total years covered by the union of the intervals (overlaps counted once), to one decimal. */
export function unionYears(intervals: Array<[number, number]>): number {
  const sorted = intervals.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cur: [number, number] | undefined;
  for (const [a, b] of sorted) {
    if (!cur || a > cur[1] + 1) {
      if (cur) total += cur[1] - cur[0] + 1;
      cur = [a, b];
    } else cur[1] = Math.max(cur[1], b);
  }
  if (cur) total += cur[1] - cur[0] + 1;
  return Math.round((total / 12) * 10) / 10;
}
