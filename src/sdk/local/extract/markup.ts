/**
 * HTML and ODF (content.xml) to plain text through one streaming parser
 * (htmlparser2): block elements end lines, table cells are joined in row order
 * with " | ", list items become bullets, and scripts, styles and metadata are dropped.
 */
import { Parser } from 'htmlparser2';
import { LinkCollector, type Hyperlink } from './links.js';

const HTML_BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'address', 'hr',
  'figure', 'figcaption', 'form', 'fieldset', 'details', 'summary',
]);
const HTML_SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'object', 'iframe']);

/** Plain text of an HTML document, one block per line; `links` receives its hyperlinks. */
export function htmlToText(html: string, links?: Hyperlink[]): string {
  const out: string[] = [];
  let skipDepth = 0;
  let pre = 0;
  let cellInRow = 0;
  const link = new LinkCollector(links);
  const newline = () => out.push('\n');
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HTML_SKIP.has(name)) skipDepth++;
        if (skipDepth) return;
        if (name === 'a') link.open(attrs.href);
        if (name === 'br') newline();
        else if (name === 'li') out.push('\n• ');
        else if (name === 'tr') {
          cellInRow = 0;
          newline();
        } else if (name === 'td' || name === 'th') {
          if (cellInRow++ > 0) out.push(' | ');
        } else if (HTML_BLOCK.has(name)) newline();
        if (name === 'pre') pre++;
      },
      ontext(text) {
        if (skipDepth) return;
        out.push(pre ? text : text.replace(/\s+/g, ' '));
        link.text(text);
      },
      onclosetag(name) {
        if (HTML_SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'a') link.close();
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (HTML_BLOCK.has(name) || name === 'li') newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out.join(''));
}

/** Plain text of an ODF text document's content.xml; `links` receives its hyperlinks. */
export function odfToText(xml: string, links?: Hyperlink[]): string {
  const out: string[] = [];
  let skipDepth = 0;
  let cellInRow = 0;
  let paraDepth = 0;
  const link = new LinkCollector(links);
  // The first paragraph of a list item continues the bullet's line.
  let bulletOpen = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'office:annotation' || name === 'text:tracked-changes' || name === 'office:font-face-decls' || name === 'office:automatic-styles') skipDepth++;
        if (skipDepth) return;
        if (name === 'text:a') link.open(attrs['xlink:href']);
        switch (name) {
          case 'text:p':
          case 'text:h':
            // Paragraphs nested in table cells or list items still get their own line only outside cells.
            if (bulletOpen) {
              bulletOpen = false;
              paraDepth++;
            } else if (paraDepth++ === 0 && !cellInRow) out.push('\n');
            else if (cellInRow && out[out.length - 1] !== ' | ' && paraDepth > 1) out.push(' ');
            break;
          case 'text:list-item':
            out.push('\n• ');
            bulletOpen = true;
            break;
          case 'text:line-break':
            out.push('\n');
            break;
          case 'text:tab':
            out.push('\t');
            break;
          case 'text:s':
            out.push(' '.repeat(Math.min(20, Number(attrs['text:c'] ?? 1) || 1)));
            break;
          case 'table:table-row':
            cellInRow = 0;
            out.push('\n');
            break;
          case 'table:table-cell':
            if (cellInRow++ > 0) out.push(' | ');
            break;
        }
      },
      ontext(text) {
        if (skipDepth) return;
        out.push(text);
        link.text(text);
      },
      onclosetag(name) {
        if (name === 'office:annotation' || name === 'text:tracked-changes' || name === 'office:font-face-decls' || name === 'office:automatic-styles') {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'text:a') link.close();
        if (name === 'text:p' || name === 'text:h') paraDepth = Math.max(0, paraDepth - 1);
        if (name === 'table:table-row') {
          cellInRow = 0;
          out.push('\n');
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return tidy(out.join(''));
}

/** The page headers and footers of an ODF text document (master pages in styles.xml), each once, hidden ones left out. */
export function odfPageText(stylesXml: string, links?: Hyperlink[]): { headers: string[]; footers: string[] } {
  const out = { headers: [] as string[], footers: [] as string[] };
  for (const m of stylesXml.matchAll(/<style:(header|footer)(-first|-left)?(\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/style:\1\2>/g)) {
    if (/style:display="false"/.test(m[3] ?? '')) continue;
    const text = odfToText(m[4]!, links);
    const list = m[1] === 'header' ? out.headers : out.footers;
    if (text && !list.includes(text)) list.push(text);
  }
  return out;
}

/**
 * Plain text of one WordprocessingML part (a DOCX page header or footer): paragraphs on lines,
 * table cells joined with " | ", tabs and breaks kept; field codes, deleted text and the
 * fallback copy of a text box left out. `links` receives the part's hyperlinks, their
 * relationship ids turned into targets by `resolve`.
 */
export function wordXmlToText(xml: string, links?: Hyperlink[], resolve?: (rel: string) => string | undefined): string {
  return readWordXml(xml, links, resolve).text;
}

/**
 * The text of each paragraph of a WordprocessingML part that sits in a text box or holds a
 * simple field (w:fldSimple), the parts mammoth may not read; `links` and `resolve` as for
 * wordXmlToText.
 */
export function wordBoxedParagraphs(xml: string, links?: Hyperlink[], resolve?: (rel: string) => string | undefined): string[] {
  return readWordXml(xml, links, resolve).boxed;
}

function readWordXml(xml: string, links?: Hyperlink[], resolve: (rel: string) => string | undefined = () => undefined): { text: string; boxed: string[] } {
  const out: string[] = [];
  const boxed: string[] = [];
  // The paragraphs being read, innermost last (a text box's paragraphs sit inside the one that anchors it).
  const open: Array<{ text: string; field: boolean }> = [];
  let boxDepth = 0;
  let skipDepth = 0;
  let textDepth = 0;
  let runDepth = 0;
  let cellInRow = 0;
  let cellDepth = 0;
  let inField = false;
  const link = new LinkCollector(links);
  const SKIP = new Set(['w:instrText', 'w:delText', 'mc:Fallback', 'w:pPr', 'w:rPr']);
  const emit = (s: string) => {
    out.push(s);
    if (open.length) open[open.length - 1]!.text += s;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'w:instrText') inField = true;
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth) return;
        if (name === 'w:hyperlink') link.open(attrs['r:id'] ? resolve(attrs['r:id']) : undefined);
        if (name === 'w:p') open.push({ text: '', field: false });
        else if (name === 'w:txbxContent') boxDepth++;
        else if (name === 'w:fldSimple' && open.length) open[open.length - 1]!.field = true;
        else if (name === 'w:t') textDepth++;
        else if (name === 'w:r') runDepth++;
        else if (runDepth && name === 'w:tab') emit('\t');
        else if (runDepth && (name === 'w:br' || name === 'w:cr')) emit('\n');
        else if (name === 'w:tr') {
          cellInRow = 0;
          if (out.length && !out[out.length - 1]!.endsWith('\n')) out.push('\n');
        } else if (name === 'w:tc') {
          cellDepth++;
          if (cellInRow++ > 0) out.push(' | ');
        }
      },
      ontext(text) {
        // A HYPERLINK field code: the link of the older Word files.
        const field = inField ? /HYPERLINK\s+"([^"]+)"/.exec(text)?.[1] : undefined;
        if (field) links?.push({ target: field, text: '' });
        if (skipDepth || !textDepth) return;
        emit(text);
        link.text(text);
      },
      onclosetag(name) {
        if (name === 'w:instrText') inField = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'w:hyperlink') link.close();
        if (name === 'w:t') textDepth = Math.max(0, textDepth - 1);
        else if (name === 'w:r') runDepth = Math.max(0, runDepth - 1);
        else if (name === 'w:tc') cellDepth = Math.max(0, cellDepth - 1);
        else if (name === 'w:tr') out.push('\n');
        else if (name === 'w:txbxContent') boxDepth = Math.max(0, boxDepth - 1);
        else if (name === 'w:p') {
          out.push(cellDepth ? ' ' : '\n');
          const own = open.pop();
          if (own?.text.trim() && (boxDepth || own.field)) boxed.push(own.text.trim());
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { text: tidy(out.join('').replace(/ +(?=\n| \| )/g, '')), boxed };
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^[ ]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown: headings, emphasis or links on several lines. Plain text with a stray `#` is not. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const headings = (sample.match(/^#{1,6}\s+\S/gm) ?? []).length;
  const marks = (sample.match(/\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/g) ?? []).length;
  return headings >= 2 || (headings >= 1 && marks >= 1) || marks >= 3;
}

/** Markdown to plain text: keeps the words, drops the markup; a link keeps its URL when the text differs. */
export function markdownToText(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/, '')
        .replace(/^(\s*)[-*+]\s+/, '$1• ')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\((?:mailto:|tel:)?([^)\s]+)[^)]*\)/g, (_m, label: string, url: string) => {
          const bare = (s: string) => s.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '').toLowerCase();
          // [example.com](https://example.com/me) says the URL twice; keep the full one.
          if (/[./]/.test(label) && bare(url).startsWith(bare(label))) return bare(label).length >= bare(url).length - 1 ? label : url;
          return `${label} (${url})`;
        })
        .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
        .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:]|$)/g, '$1$2')
        .replace(/`([^`\n]+)`/g, '$1'),
    )
    .join('\n');
}
