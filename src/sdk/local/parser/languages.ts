/** Spoken languages: a languages section's items, and languages the sentences say are spoken. */
import { stripBullet } from './sections.js';

/** Spoken languages a resume may name outside a languages section. */
const LANGUAGE_NAMES =
  'English|Spanish|French|German|Italian|Portuguese|Russian|Mandarin(?: Chinese)?|Chinese|Cantonese|Japanese|Korean|Arabic|Hindi|Urdu|Bengali|Bangla|Punjabi|Marathi|Tamil|Telugu|Kannada|Malayalam|Gujarati|Odia|Oriya|Konkani|Assamese|Kashmiri|Sindhi|Tulu|Bhojpuri|Maithili|Sanskrit|Nepali|Sinhala|Vietnamese|Thai|Indonesian|Malay|Tagalog|Filipino|Burmese|Khmer|Mongolian|Turkish|Persian|Farsi|Dari|Pashto|Kurdish|Hebrew|Greek|Polish|Dutch|Flemish|Swedish|Norwegian|Danish|Finnish|Icelandic|Czech|Slovak|Slovenian|Hungarian|Romanian|Bulgarian|Serbian|Croatian|Bosnian|Albanian|Ukrainian|Belarusian|Lithuanian|Latvian|Estonian|Armenian|Georgian|Azerbaijani|Kazakh|Uzbek|Catalan|Basque|Galician|Irish|Welsh|Latin|Swahili|Amharic|Somali|Yoruba|Igbo|Hausa|Zulu|Xhosa|Afrikaans|Haitian Creole|Creole|American Sign Language|Sign Language|ASL';
const IS_LANGUAGE = new RegExp(`^(?:${LANGUAGE_NAMES})$`, 'i');
/** Words around a language in a list item: "Fluent in English", "Turkish Languages", "English (native)". */
const LEVEL_PREFIX = /^(?:(?:fully|very)\s+)?(?:fluent|fluency|bilingual|trilingual|proficient|proficiency|conversational|native|working knowledge|basic|intermediate|advanced)(?:\s+(?:in|of))?\s+/i;

/**
 * The languages one line of a languages section names: known language names, or a single
 * capitalised word given with a level ("Tulu (native)", "Kashmiri - fluent") that is no skill
 * ("Python (advanced)"); not the other lines a section without a following heading runs into
 * ("Writing Skills", "Positions").
 */
export function languagesOfItem(line: string, isSkill: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const item of stripBullet(line).split(/[,;•|&/]|\band\b/)) {
    const level = /(?:[([{]|\s[-–—:]|:)\s*(.*)$/.exec(item)?.[1] ?? '';
    const withLevel = /\b(?:native|mother ?tongue|fluent|fluency|bilingual|proficien\w*|professional|conversational|basic|beginner|elementary|intermediate|advanced|limited|read|write|speak|[ABC][12])\b/i.test(level);
    const name = item.replace(/[([{].*$|\s*[-–—:].*$/g, '').replace(LEVEL_PREFIX, '').replace(/\s+languages?$/i, '').trim();
    if (IS_LANGUAGE.test(name) || (withLevel && /^\p{Lu}\p{Ll}{2,15}$/u.test(name) && !isSkill(name))) out.push(name.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()));
  }
  return out;
}
const LANGUAGE_LIST = `(?:${LANGUAGE_NAMES})(?:\\s*(?:,|/|&|\\band\\b|\\bor\\b)\\s*(?:${LANGUAGE_NAMES}))*`;
/** "fluent in French and German", "bilingual (English/Spanish)", "native Portuguese speaker", "Spanish-speaking". */
const SPOKEN = [
  new RegExp(`\\b(?:fluent|fluency|bilingual|trilingual|multilingual|proficient|proficiency|conversational|native)\\s+(?:in\\s+|speaker\\s+of\\s+)?\\(?\\s*(${LANGUAGE_LIST})`, 'gi'),
  new RegExp(`\\b(${LANGUAGE_LIST})[\\s-]+(?:speaker|speaking)\\b`, 'gi'),
];

/** Languages the text says the person speaks, in its sentences ("fluent in French and German"). */
export function spokenInProse(text: string): string[] {
  const out: string[] = [];
  for (const re of SPOKEN) {
    for (const m of text.matchAll(re)) {
      for (const name of m[1]!.split(/\s*(?:,|\/|&|\band\b|\bor\b)\s*/i)) {
        // As the text writes it, with a capital ("english" → "English").
        const canonical = IS_LANGUAGE.test(name) ? name.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) : undefined;
        if (canonical && !out.includes(canonical)) out.push(canonical);
      }
    }
  }
  return out;
}
