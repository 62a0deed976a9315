// The report as one HTML page: the preview in the web workspace, and what Chromium prints to PDF (A4; wide
// tables on landscape pages; table headers repeated on every page; Noto CJK fonts; Chinese line breaking).
import { t } from '../../i18n/index.ts';
import type { Block, Cell, ChartSpec, ReportDocument, Section, TableBlock } from '../model.ts';
import { chartSvg, TONE_COLOR } from './charts.ts';

export interface HtmlOptions {
  /** page numbers of the sections by id, for the contents (known after a first printing) */
  pages?: Record<string, number>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const lines = (s: string): string => esc(s).replace(/\n/g, '<br>');

const TONE_BG: Record<string, string> = {
  met: '#e2f1dc',
  notMet: '#f8d9d5',
  indeterminate: '#fbe6cb',
  noData: '#ececec',
  notApplicable: '#f5f5f5',
};

/** The portrait page: A4's width and the side margins (mm); the contents' numbers are placed by them (contentsNumbers.ts). */
export const PORTRAIT = { widthMm: 210, sideMm: 20 } as const;

const CSS = `
@page { size: A4 portrait; margin: 22mm ${PORTRAIT.sideMm}mm 20mm ${PORTRAIT.sideMm}mm; }
@page wide { size: A4 landscape; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Serif CJK", serif; font-size: 11pt; line-height: 1.75; color: #1b1b1b;
  line-break: strict; word-break: normal; overflow-wrap: anywhere; text-align: justify; }
h1, h2, h3, .cover, caption, table, .facts, .note, .doc-heading, nav { font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; }
h1 { font-size: 16pt; margin: 0 0 10pt; color: #12372a; break-after: avoid; }
h2 { font-size: 13pt; margin: 14pt 0 8pt; color: #12372a; break-after: avoid; }
p { margin: 0 0 7pt; text-indent: 2em; orphans: 2; widows: 2; }
p.note { text-indent: 0; font-size: 8.5pt; line-height: 1.55; color: #555; }
p.quote { text-indent: 0; font-size: 9.5pt; line-height: 1.6; color: #333; background: #f3f6f4; border-left: 3pt solid #9bbfa9; padding: 4pt 8pt; }
.chapter { break-before: page; }
.wide { page: wide; }
.cover { height: 297mm; width: 210mm; padding: 62mm 24mm 30mm; display: flex; flex-direction: column; text-align: center; break-after: page; }
.cover .title { font-size: 22pt; font-weight: bold; line-height: 1.5; color: #12372a; margin-bottom: 18pt; text-align: center; }
.cover .subtitle { font-size: 20pt; font-weight: bold; letter-spacing: 2pt; color: #237a4b; }
.cover .rule { width: 60%; margin: 26pt auto; border-top: 2pt solid #237a4b; }
.cover .lines { margin-top: auto; font-size: 13pt; line-height: 2; }
.cover .date { font-size: 13pt; margin-top: 6pt; }
nav.contents { break-after: page; }
nav.contents h1 { text-align: center; letter-spacing: 12pt; margin-bottom: 18pt; }
nav.contents ol { list-style: none; padding: 0; margin: 0; }
nav.contents li { display: flex; align-items: baseline; font-size: 11.5pt; line-height: 2.1; }
nav.contents li.sub { padding-left: 2em; font-size: 10.5pt; line-height: 1.9; }
nav.contents a { color: inherit; text-decoration: none; }
nav.contents .dots { flex: 1; border-bottom: 1px dotted #888; margin: 0 6pt; transform: translateY(-4pt); }
nav.contents .page { min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
.doc-heading { text-align: center; margin-bottom: 10pt; }
.doc-heading h1 { font-size: 17pt; margin: 0; }
.doc-heading p { text-indent: 0; margin: 2pt 0 0; font-size: 10pt; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; line-height: 1.45; text-align: left; }
table.dense { font-size: 8pt; line-height: 1.35; }
caption { caption-side: top; font-weight: bold; font-size: 10pt; padding-bottom: 4pt; text-align: center; }
thead { display: table-header-group; }
th { background: #e8efe9; font-weight: bold; text-align: center; }
th, td { border: 0.6pt solid #6f7f75; padding: 2.5pt 4pt; vertical-align: middle; }
td.c { text-align: center; } td.r { text-align: right; font-variant-numeric: tabular-nums; }
td.b, tr.totals td { font-weight: bold; }
tr.totals td { background: #f4f7f5; }
.notes { margin: -4pt 0 10pt; }
.notes p { margin: 0 0 2pt; }
figure { margin: 6pt 0 12pt; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; color: #444; margin-top: 2pt; }
.grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 6pt 12pt; }
.wide .grid { grid-template-columns: repeat(3, 1fr); }
.grid figure { margin: 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(48mm, 1fr)); gap: 6pt; margin: 6pt 0 12pt; }
.fact { text-align: left; border: 0.8pt solid #b9c7be; border-radius: 4pt; padding: 6pt 8pt; background: #f7faf8; }
.fact .label { font-size: 8.5pt; color: #555; line-height: 1.4; }
.fact .value { font-size: 14pt; font-weight: bold; line-height: 1.4; }
.one-page p { margin-bottom: 5pt; line-height: 1.6; }
.one-page .facts { grid-template-columns: repeat(4, 1fr); }
.one-page .fact .value { font-size: 12.5pt; }
.one-page figure { margin: 2pt 0 6pt; }
.one-page figure svg { max-height: 52mm; width: auto; }
@media screen {
  body { background: #eef1ef; padding: 16px 0; }
  .sheet { background: #fff; max-width: 1040px; margin: 0 auto; padding: 40px 56px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  .cover { width: auto; height: auto; min-height: 0; padding: 80px 24px; border-bottom: 1px solid #ddd; }
  .cover .lines { margin-top: 40px; }
  .chapter { margin-top: 32px; }
  nav.contents .page:empty { display: none; }
}
`;

function cellHtml(c: Cell, tag: 'td' | 'th', align: string | undefined, colspan = 1): string {
  const cls = [c.align ?? align, c.bold ? 'b' : ''].map((x) => (x === 'center' ? 'c' : x === 'right' ? 'r' : x)).filter(Boolean).join(' ');
  const attrs = [
    c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
    colspan > 1 ? ` colspan="${colspan}"` : '',
    cls ? ` class="${cls}"` : '',
    c.tone ? ` style="background:${TONE_BG[c.tone]};color:${c.tone === 'notMet' ? TONE_COLOR.notMet : '#1b1b1b'}"` : '',
  ].join('');
  return `<${tag}${attrs}>${lines(c.text)}</${tag}>`;
}

function tableHtml(t: TableBlock): string {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const cols = t.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
  const head = `<tr>${t.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => (c ? cellHtml(c, 'td', t.columns[i]?.align) : '')).join('')}</tr>`).join('');
  const totals = (t.totals ?? [])
    .map((r) => `<tr class="totals">${r.map((c, i) => cellHtml(c, 'td', t.columns[i]?.align, r.length === 1 ? t.columns.length : 1)).join('')}</tr>`)
    .join('');
  const notes = t.notes && t.notes.length > 0 ? `<div class="notes">${t.notes.map((n) => `<p class="note">${lines(n)}</p>`).join('')}</div>` : '';
  // a short table is never split across pages
  const keep = t.rows.length + (t.totals?.length ?? 0) <= 6 ? 'break-inside:avoid;' : '';
  const style = t.share || keep ? ` style="${keep}${t.share ? `width:${Math.round(t.share * 100)}%;margin-left:auto;margin-right:auto` : ''}"` : '';
  return `<table class="${t.dense ? 'dense' : ''}"${style}>${t.caption ? `<caption>${esc(t.caption)}</caption>` : ''}<colgroup>${cols}</colgroup><thead>${head}</thead><tbody>${body}${totals}</tbody></table>${notes}`;
}

function figure(spec: ChartSpec, caption?: string): string {
  return `<figure>${chartSvg(spec)}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p${b.style && b.style !== 'body' ? ` class="${b.style}"` : ''}>${lines(b.text)}</p>`;
    case 'table':
      return tableHtml(b);
    case 'facts':
      return `<div class="facts">${b.items
        .map((i) => `<div class="fact"><div class="label">${esc(i.label)}</div><div class="value"${i.tone ? ` style="color:${TONE_COLOR[i.tone]}"` : ''}>${esc(i.value)}</div></div>`)
        .join('')}</div>`;
    case 'chart':
      return figure(b.chart, b.caption);
    case 'chartGrid':
      return `<div class="grid">${b.charts.map((c) => figure(c)).join('')}</div><p class="note" style="text-align:center">${esc(b.caption)}</p>`;
  }
}

function sectionHtml(s: Section, level: 1 | 2, wideParent = false): string {
  const wide = s.landscape && !wideParent;
  const cls = [level === 1 ? 'chapter' : 'sub', wide ? 'wide' : ''].filter(Boolean).join(' ');
  const heading = s.heading ? `<h${level} id="${esc(s.id)}">${esc(s.heading)}</h${level}>` : '';
  const inner = s.blocks.map(blockHtml).join('\n') + (s.subsections ?? []).map((x) => sectionHtml(x, 2, s.landscape || wideParent)).join('\n');
  return `<section class="${cls}">${heading}${inner}</section>`;
}

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/** Page rules: the running footer with the page number (CSS page-margin boxes), none on the cover. */
function pageCss(doc: ReportDocument): string {
  if (doc.onePage) return '@page { margin: 14mm 16mm; }';
  const [before = '', after = ''] = t('report.footer', { title: doc.runningTitle, page: '\u0000' }, doc.lang).split('\u0000');
  const footer = `@bottom-center { content: ${cssString(before)} counter(page) ${cssString(after)}; font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #666; }`;
  return `@page { ${footer} }${doc.cover ? ' @page :first { margin: 0; @bottom-center { content: none; } }' : ''}`;
}

/** The sections listed in the contents: chapters and their subsections. */
export function contentsEntries(doc: ReportDocument): Array<{ id: string; heading: string; level: 1 | 2 }> {
  return doc.sections.flatMap((s) => [{ id: s.id, heading: s.heading, level: 1 as const }, ...(s.subsections ?? []).map((x) => ({ id: x.id, heading: x.heading, level: 2 as const }))]);
}

export function reportHtml(doc: ReportDocument, opts: HtmlOptions = {}): string {
  const parts: string[] = [];
  if (doc.cover) {
    const c = doc.cover;
    parts.push(
      `<section class="cover"><div class="title">${lines(c.title)}</div><div class="subtitle">${esc(c.subtitle)}</div><div class="rule"></div>` +
        `<div class="lines">${c.lines.map((l) => `<div>${esc(l)}</div>`).join('')}<div class="date">${esc(c.date)}</div></div></section>`,
    );
  }
  if (doc.contents) {
    const title = doc.lang === 'en' ? 'Contents' : '目录';
    parts.push(
      `<nav class="contents"><h1>${title}</h1><ol>${contentsEntries(doc)
        .map((e) => `<li class="${e.level === 2 ? 'sub' : ''}"><a href="#${esc(e.id)}">${esc(e.heading)}</a><span class="dots"></span><span class="page">${opts.pages?.[e.id] ?? ''}</span></li>`)
        .join('')}</ol></nav>`,
    );
  }
  if (doc.heading) parts.push(`<header class="doc-heading"><h1>${esc(doc.heading.title)}</h1><p>${esc(doc.heading.subtitle)}</p></header>`);
  const body = doc.onePage ? doc.sections.map((s) => s.blocks.map(blockHtml).join('\n')).join('\n') : doc.sections.map((s) => sectionHtml(s, 1)).join('\n');
  parts.push(doc.onePage ? `<div class="one-page">${body}</div>` : body);
  return `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.title)}</title><style>${CSS}${pageCss(doc)}</style></head><body><div class="sheet">${parts.join('\n')}</div></body></html>`;
}
