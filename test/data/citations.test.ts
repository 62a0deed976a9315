// A cited line is the line of the value cited: wherever data/ keeps a printed value (or a variant's
// requirement) beside its source, the line the source names must print that value — not the label,
// qualifier or heading printed a line or two above it. A value printed over several lines (a cell of
// several paragraphs, joined with '；' in the data) is cited by its first line.
import { describe, expect, it } from 'vitest';
import { dataFiles, isSource, lineAt, seed, visitObjects, type Seed } from './seed-text.ts';

/** The fields that hold a value printed at the node's own source line. */
const VALUE_FIELDS = ['printed'];
/** Kinds of node whose requirement is the value they cite (a variant cites its own requirement cell). */
const REQUIREMENT_CITED = /(^|\.)variants\[\]$/;

/**
 * Whether the text is one cell starting at the line: its '；'-joined paragraphs (or a phrase wrapped over
 * lines, joined without separator) printed on the line and the lines after it, none of which opens a
 * new cell (a cell starts with a tab; 合计 / 513306 are two cells, the figure's own line is cited).
 */
function oneCellFrom(s: Seed, line: number, text: string): boolean {
  const first = lineAt(s, line);
  if (first === '') return false;
  const continues = (n: number) => lineAt(s, n) !== '' && !(s.raw[n - 1] ?? '').startsWith('\t');
  const pieces = text.split('；');
  if (pieces.length > 1 && first.includes(pieces[0]!)) {
    let at = line;
    let ok = true;
    for (const p of pieces.slice(1)) {
      at++;
      while (continues(at) && !lineAt(s, at).includes(p) && at < line + 4) at++;
      if (!continues(at) || !lineAt(s, at).includes(p)) ok = false;
    }
    if (ok) return true;
  }
  let joined = first;
  for (let n = line + 1; n < line + 4 && continues(n); n++) {
    joined += lineAt(s, n);
    if (joined === text) return true;
  }
  return false;
}

interface Miss {
  at: string;
  text: string;
  line: string;
}

/** The misses of one parsed data file: a value whose cited line prints neither it nor, as one cell, its first line. */
export function citationMisses(file: string, content: unknown): Miss[] {
  const out: Miss[] = [];
  visitObjects(content, ({ path, kind, node }) => {
    const src = node.source;
    if (!isSource(src)) return;
    const texts: Array<[string, string]> = [];
    for (const k of VALUE_FIELDS) if (typeof node[k] === 'string') texts.push([k, node[k] as string]);
    if (REQUIREMENT_CITED.test(kind) && typeof node.requirement === 'string') texts.push(['requirement', node.requirement]);
    for (const [field, text] of texts) {
      const s = seed(src.document);
      const line = lineAt(s, src.line);
      if (text === '' || line.includes(text) || oneCellFrom(s, src.line, text)) continue;
      out.push({ at: `${file} ${path}.${field} @${src.document}:${src.line}`, text, line });
    }
  });
  return out;
}

describe('every cited line prints the value cited', () => {
  for (const f of dataFiles()) {
    it(f.file, () => {
      const misses = citationMisses(f.file, f.content);
      expect(misses.map((m) => `${m.at}: data has ${JSON.stringify(m.text)}, the line reads ${JSON.stringify(m.line)}`)).toEqual([]);
    });
  }

  it('would catch a value cited one line early (the label above it)', () => {
    const total = { stated: { count: 80, investmentWan: 513306, printed: '合计；513306', source: { document: '001', line: 2701 } } };
    expect(lineAt(seed('001'), 2701)).toBe('合计');
    expect(citationMisses('t', total)).toHaveLength(1);
    total.stated.source.line = 2702;
    total.stated.printed = '513306';
    expect(citationMisses('t', total)).toEqual([]);
    const variant = { indicators: [{ variants: [{ when: { terrain: '山区' }, requirement: '≥60', source: { document: '001', line: 945 } }] }] };
    expect(citationMisses('t', variant)).toHaveLength(1);
    variant.indicators[0]!.variants[0]!.source.line = 947;
    expect(citationMisses('t', variant)).toEqual([]);
  });
});

describe('statements of the prose', () => {
  it('each statement’s figure (name, figure, unit) is printed in its words, in that order', () => {
    const plans = dataFiles().filter((f) => f.file.endsWith('/plan.yaml'));
    let n = 0;
    for (const f of plans) {
      for (const st of ((f.content as { statements?: Array<{ printed: string; figure?: { name: string; printed: string; unit?: string } }> }).statements ?? [])) {
        if (!st.figure) continue;
        n++;
        const { name, printed, unit } = st.figure;
        const at = st.printed.indexOf(name);
        expect(at, `${f.file}: ${name} in ${st.printed}`).toBeGreaterThanOrEqual(0);
        const after = st.printed.indexOf(printed, at + name.length);
        expect(after, `${f.file}: ${printed} after ${name}`).toBeGreaterThan(at);
        if (unit) expect(st.printed.slice(after + printed.length).startsWith(unit) || printed.endsWith(unit.replace('%', '％')) || printed.endsWith(unit), `${f.file}: unit ${unit} after ${printed}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(0);
  });
});
