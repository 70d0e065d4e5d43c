/**
 * Reading order for a PDF page from pdf.js text items (which come in drawing
 * order, not reading order). Lines are rebuilt from baselines; a page laid out
 * in two columns (a sidebar) is read column by column, so the sidebar never
 * interleaves with the main column, while tables and right-aligned dates, whose
 * parts share baselines, stay in row order.
 */

export interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The document writes a space just before this item, however narrow ("Problem Solving" in a tight line). */
  spaced?: boolean;
}

/** Narrowest empty vertical band that counts as a gutter between columns, in points. */
const MIN_GUTTER = 8;

/** Groups pdf.js text items into lines of text in reading order. `pageWidth` enables column detection. */
export function linesFromItems(items: PdfTextItem[], pageWidth?: number): string {
  const all: Item[] = items
    .filter((i) => typeof i.str === 'string' && i.transform && i.str.length > 0)
    .map((i) => ({ str: i.str!, x: i.transform![4]!, y: i.transform![5]!, w: i.width ?? 0, h: Math.abs(i.height ?? i.transform![3] ?? 10) || 10 }));
  // pdf.js adds whitespace items that span gaps (table cells, tab stops); spacing comes from
  // geometry instead, and they would hide the gutter between columns. A whitespace item that ends
  // where the next item starts on its baseline is a real space, though, narrower than geometry
  // can tell from kerning: the next item keeps it.
  const positioned = all.flatMap((i, k): Item[] => {
    if (!i.str.trim()) return [];
    const prev = all[k - 1];
    const spaced = prev !== undefined && !prev.str.trim() && Math.abs(prev.y - i.y) < 0.5 && Math.abs(prev.x + prev.w - i.x) < 2;
    return [spaced ? { ...i, spaced } : i];
  });
  const width = pageWidth ?? Math.max(0, ...positioned.map((i) => i.x + i.w));
  return renderBlocks(readingBlocks(positioned, width));
}

/** Splits a page into vertical bands; two-column bands become a left block then a right block. */
function readingBlocks(items: Item[], pageWidth: number): Item[][][] {
  const lines = groupLines(items);
  const gutter = findGutter(items, pageWidth);
  if (!gutter) return [lines];
  // A line spans both columns when an item bridges the whole gutter; text that overflows into it does not.
  const crosses = (line: Item[]) => line.some((i) => i.x < gutter.from + 1 && i.x + i.w > gutter.to - 1);
  const blocks: Item[][][] = [];
  let run: Item[][] = [];
  const flush = () => {
    if (run.length) blocks.push(...splitColumns(run, gutter.from));
    run = [];
  };
  for (const line of lines) {
    if (crosses(line)) {
      flush();
      blocks.push([line]);
    } else run.push(line);
  }
  flush();
  return blocks;
}

/**
 * A band of lines none of which crosses the gutter. It is two columns when the
 * two sides flow independently: few lines on one side share their exact baseline
 * with a line on the other. Tables and "Title ....... 2019–2021" lines share
 * baselines across the gutter and stay in row order.
 */
function splitColumns(lines: Item[][], gutterX: number): Item[][][] {
  const all = lines.flat();
  const left = groupLines(all.filter((i) => i.x < gutterX));
  const right = groupLines(all.filter((i) => i.x >= gutterX));
  const fewer = Math.min(left.length, right.length);
  if (fewer < 2) return [lines];
  const rightYs = right.map((l) => l[0]!.y);
  const aligned = left.filter((l) => rightYs.some((y) => Math.abs(y - l[0]!.y) < 1.5)).length;
  if (aligned / fewer > 0.5) return [lines];
  return [left, right];
}

/**
 * The widest band of x in the middle of the page that no text item crosses in
 * most of the page's lines, with a real share of the text on each side.
 */
function findGutter(items: Item[], pageWidth: number): { from: number; to: number } | undefined {
  const text = items.filter((i) => i.str.trim());
  if (text.length < 8 || pageWidth <= 0) return undefined;
  const cols = Math.ceil(pageWidth);
  // How many items cover each 1-pt column.
  const cover = new Array<number>(cols + 1).fill(0);
  for (const it of text) {
    for (let x = Math.max(0, Math.floor(it.x)); x <= Math.min(cols, Math.ceil(it.x + it.w)); x++) cover[x]!++;
  }
  // A few items may cross (a name or heading over both columns): allow 8% of them.
  const allowed = Math.max(1, Math.floor(text.length * 0.08));
  const lo = Math.floor(pageWidth * 0.15);
  const hi = Math.ceil(pageWidth * 0.85);
  let best: { from: number; to: number; score: number } | undefined;
  let start = -1;
  for (let x = lo; x <= hi + 1; x++) {
    const open = x <= hi && cover[x]! <= allowed;
    if (open && start < 0) start = x;
    if (!open && start >= 0) {
      const from = start;
      const to = x - 1;
      start = -1;
      if (to - from + 1 < MIN_GUTTER) continue;
      const leftChars = sum(text.filter((i) => i.x + i.w <= from + 1).map((i) => i.str.length));
      const rightChars = sum(text.filter((i) => i.x >= to - 1).map((i) => i.str.length));
      const total = leftChars + rightChars;
      if (total === 0 || leftChars / total < 0.1 || rightChars / total < 0.1) continue;
      // Prefer wide gutters with few crossings.
      const crossing = Math.max(...cover.slice(from, to + 1));
      const score = (to - from + 1) / (1 + crossing);
      if (!best || score > best.score) best = { from, to, score };
    }
  }
  return best ? { from: best.from, to: best.to } : undefined;
}

/** Items grouped by baseline, top to bottom; each line sorted left to right. */
function groupLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - it.y) <= Math.max(2, Math.min(ref.h, it.h) * 0.5)) line.push(it);
    else lines.push([it]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

function renderBlocks(blocks: Item[][][]): string {
  const out: string[] = [];
  for (const block of blocks) {
    let prevY: number | undefined;
    let prevH = 10;
    if (out.length && out[out.length - 1] !== '' && block.length > 1) out.push('');
    for (const line of block) {
      if (!line.length) continue;
      const y = line[0]!.y;
      // A gap of more than ~2 lines marks a paragraph break.
      if (prevY !== undefined && prevY - y > prevH * 2) out.push('');
      out.push(lineText(line));
      prevY = y;
      prevH = line[0]!.h;
    }
  }
  return out.join('\n');
}

function lineText(line: Item[]): string {
  let text = '';
  let end: number | undefined;
  for (const it of line) {
    if (end !== undefined) {
      const gap = it.x - end;
      // A wide gap inside a line separates table cells or a right-aligned date: keep it visible.
      if (gap > it.h * 3 && text.trim() && it.str.trim()) text = `${text.trimEnd()} | `;
      else if ((gap > it.h * 0.15 || (it.spaced && gap > -1)) && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
    }
    text += it.str;
    end = it.x + it.w;
  }
  return text.trimEnd();
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
