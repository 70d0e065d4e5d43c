/**
 * RTF to plain text. RTF is a flat token stream of groups, control words and
 * text, so a small tokenizer is enough: it drops the destinations that hold no
 * body text (font and colour tables, styles, pictures, metadata), decodes `\'hh`
 * through the document's code page and `\uN` with its fallback skipping, and
 * keeps paragraphs as lines and table cells in row order.
 */

import { WINDOWS_1252 } from '../detect.js';

/** Destinations whose content is never body text. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'listtable', 'listoverridetable', 'info', 'pict', 'object', 'themedata',
  'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'rsidtbl', 'generator', 'filetbl', 'revtbl',
  'pgdsctbl', 'mmathPr', 'fldinst', 'footnote', 'bkmkstart', 'bkmkend', 'pntext', 'pntxta', 'pntxtb', 'listtext',
  'shppict', 'nonshppict', 'blipuid', 'userprops', 'docvar', 'wgrffmtfilter', 'xe', 'tc', 'field-instruction',
]);

const CHARS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n\n', page: '\n\n', row: '\n', cell: ' | ', nestcell: ' | ', tab: '\t',
  emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ',
};

interface State {
  skip: boolean;
  uc: number;
}

/** Converts RTF source (as Latin-1 decoded bytes) to text. */
export function rtfToText(rtf: string): string {
  let codepage = 1252;
  let decoder = makeDecoder(codepage);
  const out: string[] = [];
  const stack: State[] = [];
  let state: State = { skip: false, uc: 1 };
  let pendingSkip = 0; // fallback characters still to drop after \uN
  let bytes: number[] = []; // consecutive \'hh, decoded together (multi-byte code pages)
  const flushBytes = () => {
    if (bytes.length) {
      if (!state.skip) out.push(decoder.decode(new Uint8Array(bytes)));
      bytes = [];
    }
  };
  const emit = (s: string) => {
    flushBytes();
    if (!state.skip) out.push(s);
  };
  let i = 0;
  // A group that starts with \* is an optional destination: skip it unless we know it.
  let groupStart = false;
  while (i < rtf.length) {
    const ch = rtf[i]!;
    if (ch === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (ch === '}') {
      flushBytes();
      state = stack.pop() ?? { skip: false, uc: 1 };
      pendingSkip = 0;
      groupStart = false;
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = rtf[i + 1];
      if (next === undefined) break;
      if (next === "'") {
        const hex = rtf.slice(i + 2, i + 4);
        i += 4;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        const b = Number.parseInt(hex, 16);
        if (!Number.isNaN(b)) bytes.push(b);
        continue;
      }
      if (next === '*') {
        if (groupStart) state.skip = true;
        i += 2;
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const m = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i, i + 48))!;
        i += m[0].length;
        const word = m[1]!;
        const param = m[2] === undefined ? undefined : Number(m[2]);
        const first = groupStart;
        groupStart = false;
        if (first && SKIP.has(word)) {
          state.skip = true;
          continue;
        }
        if (word === 'ansicpg' && param) {
          codepage = param;
          decoder = makeDecoder(codepage);
        } else if (word === 'uc' && param !== undefined) state.uc = param;
        else if (word === 'u' && param !== undefined) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          pendingSkip = state.uc;
        } else if (word === 'header' || word === 'footer' || word === 'headerl' || word === 'headerr' || word === 'footerl' || word === 'footerr') {
          // Kept: names and contact details often live in the page header.
        } else if (CHARS[word] !== undefined) emit(CHARS[word]!);
        continue;
      }
      // Control symbols.
      i += 2;
      groupStart = false;
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit(' ');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    groupStart = false;
    i++;
    if (ch === '\r' || ch === '\n') continue;
    if (pendingSkip > 0) {
      pendingSkip--;
      continue;
    }
    emit(ch);
  }
  flushBytes();
  return out
    .join('')
    .replace(/( \| )+\n/g, '\n')
    .replace(/[ \t]+\n/g, '\n');
}

function makeDecoder(codepage: number): { decode(bytes: Uint8Array): string } {
  // Node's decoder of that name reads Latin-1: "\'93" and "\'96" would become control characters.
  if (codepage === 1252) return WINDOWS_1252;
  for (const label of [`windows-${codepage}`, `cp${codepage}`]) {
    try {
      return new TextDecoder(label);
    } catch {
      // not a label this runtime knows; try the next, then fall back to Windows-1252
    }
  }
  return WINDOWS_1252;
}
