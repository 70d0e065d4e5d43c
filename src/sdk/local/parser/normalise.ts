/**
 * Text clean-up before parsing, for resumes that went through lossy exports:
 * bullets that became "?" (a character the export could not encode), list
 * items run together on one line, and form-export headings ("Education
 * Details", "Skill Details", "Company Details") glued to the text before them, and
 * mojibake (UTF-8 read as Windows-1252, see mojibake.ts), and date ranges a narrow PDF column
 * stacked on three lines.
 */

import { repairMojibake } from './mojibake.js';

/** Headings of form-style exports that often lose the line break before them. */
const GLUED_HEADING = /([^\n])[ \t]*((?:Education|Skill|Company|Personal|Project|Contact) Details)[ \t]*(?=\n|$)/g;

/** A lost bullet: one or two "?" (or a "*") standing alone at a line start or between spaces. */
const LOST_BULLET = /(?:^|[ \t])(?:\?{1,2}|\*)[ \t]+(?=\S)/g;

/**
 * A date range stacked on three lines, as a narrow date column of a PDF reads ("March 2014",
 * "to", "November 2014"): one line again.
 */
const STACKED_RANGE = /^([A-Z][a-z]{2,8}\.? \d{4}|\d{1,2}\/\d{4}|\d{4})[ \t]*\n(to|-|–|—)[ \t]*\n([A-Z][a-z]{2,8}\.? \d{4}|\d{1,2}\/\d{4}|\d{4}|Current|Present|Now)[ \t]*$/gm;

export function normaliseResumeText(text: string): string {
  return repairMojibake(text)
    .replace(/\r\n?/g, '\n')
    .replace(GLUED_HEADING, '$1\n$2')
    .replace(STACKED_RANGE, '$1 $2 $3')
    .split('\n')
    .flatMap((line) => {
      // A question in prose has its "?" glued to a word, so it is left alone.
      if (!LOST_BULLET.test(line)) return [line];
      LOST_BULLET.lastIndex = 0;
      return line
        .replace(LOST_BULLET, '\n• ')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    })
    .join('\n');
}
