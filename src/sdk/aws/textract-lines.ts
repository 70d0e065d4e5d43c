/**
 * Textract answers with Blocks (PAGE, LINE, WORD, …), each with the page it is
 * on and a normalised Geometry.BoundingBox (Top/Left/Width/Height as ratios of
 * the page). This rebuilds the text in reading order from the LINE blocks:
 * page by page, top to bottom, and left to right for lines that share a row
 * (a job title and its dates on the same baseline, for example).
 * Shapes: https://docs.aws.amazon.com/textract/latest/dg/API_Block.html
 */
import type { Block } from '@aws-sdk/client-textract';

interface Line {
  text: string;
  page: number;
  top: number;
  left: number;
  height: number;
}

/** Text in reading order from LINE blocks; a blank line marks a paragraph gap, two mark a page break. */
export function linesInReadingOrder(blocks: Block[]): { text: string; pages: number } {
  const lines: Line[] = [];
  let pages = 0;
  for (const b of blocks) {
    if (b.BlockType === 'PAGE') pages = Math.max(pages, b.Page ?? 1);
    if (b.BlockType !== 'LINE' || !b.Text) continue;
    const box = b.Geometry?.BoundingBox;
    lines.push({ text: b.Text, page: b.Page ?? 1, top: box?.Top ?? 0, left: box?.Left ?? 0, height: box?.Height ?? 0.01 });
    pages = Math.max(pages, b.Page ?? 1);
  }
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);

  const out: string[] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    if (out.length) out.push('', '');
    const sorted = byPage.get(page)!.sort((a, b) => a.top - b.top || a.left - b.left);
    // Rows: a line joins the current row when its vertical centre is within half a line height of the row's.
    const rows: Line[][] = [];
    for (const l of sorted) {
      const row = rows[rows.length - 1];
      const ref = row?.[0];
      const centre = (x: Line) => x.top + x.height / 2;
      if (row && ref && Math.abs(centre(ref) - centre(l)) <= Math.min(ref.height, l.height) / 2) row.push(l);
      else rows.push([l]);
    }
    let prevBottom: number | undefined;
    for (const row of rows) {
      row.sort((a, b) => a.left - b.left);
      const top = Math.min(...row.map((l) => l.top));
      const height = Math.max(...row.map((l) => l.height));
      // A gap taller than a line marks a paragraph break, as in the local PDF reader.
      if (prevBottom !== undefined && top - prevBottom > height * 1.0) out.push('');
      out.push(row.map((l) => l.text).join(' '));
      prevBottom = top + height;
    }
  }
  return { text: out.join('\n'), pages };
}
