// What the text says about an indicator table, checked against the table: the number of indicators, how many
// the county is assessed on, how many concern the sea, how many are binding (约束性) or for reference
// (参考性/预期性), and the stated met / not-met counts against the table's 达标情况 column. A disagreement is an
// `inconsistency` finding, named in the plan office's words; nothing is corrected. Pure.
//
// The Chinese patterns are data about the documents: how plans state these counts.
import type { PlanFile } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import type { PlanDocument } from './document.ts';
import type { ExtractedFramework, Finding } from './types.ts';

type Summary = NonNullable<PlanFile['statedSummaries']>[number];

/** Statements of counts in the paragraph that introduces a table ("见表1"), and what each counts in the table. */
const STATEMENTS: Array<{ re: RegExp; what: string; count: (f: ExtractedFramework) => number }> = [
  { re: /(?:一共|共|共计|总计)\s*(\d+)\s*项指标/, what: 'total', count: (f) => f.framework.indicators.length },
  { re: /考核(?:县|区县|区)仅?\s*(\d+)\s*项/, what: 'county', count: (f) => f.framework.indicators.filter((i) => i.applicability?.only !== 'city').length },
  { re: /(?:另有|有)\s*(\d+)\s*项(?:有关|涉及)?(?:海域|海岸|近岸)/, what: 'coastal', count: (f) => f.framework.indicators.filter((i) => i.applicability?.only === 'coastal').length },
  { re: /约束性指标\s*(\d+)\s*项/, what: 'binding', count: (f) => applicable(f).filter((i) => i.attribute === '约束性').length },
  { re: /参考性指标\s*(\d+)\s*项/, what: 'reference', count: (f) => applicable(f).filter((i) => i.attribute === '参考性').length },
  { re: /预期性指标\s*(\d+)\s*项/, what: 'expected', count: (f) => applicable(f).filter((i) => i.attribute === '预期性').length },
];

/** The statuses a 达标情况 column prints. */
const MET = /^达标$/;
const NOT_MET = /^未达标$/;
const NOT_CONCERNED = /^不涉及$/;
/** "见表1": the text refers the reader to a table. */
const SEE_TABLE = /见(附?表[\d一二三四五六七八九十]+)/g;

const applicable = (f: ExtractedFramework) => f.framework.indicators.filter((i) => !i.applicability);

function tableLabelOf(caption: string | undefined): string | undefined {
  return /^\s*(附?\s*表\s*[\d一二三四五六七八九十]+)/.exec(caption ?? '')?.[1]?.replace(/\s+/g, '');
}

export function indicatorChecks(
  doc: PlanDocument,
  frameworks: ExtractedFramework[],
  captions: Map<ExtractedFramework, string>,
  summaries: Summary[],
): Finding[] {
  const findings: Finding[] = [];
  for (const f of frameworks) {
    const caption = captions.get(f);
    const label = tableLabelOf(caption);
    const name = caption ? `“${caption.trim()}”` : f.framework.name;
    // the paragraph that refers the reader to the table
    if (label) {
      const para = doc.blocks.find((b) => b.kind === 'paragraph' && [...b.text.replace(/\s+/g, '').matchAll(SEE_TABLE)].some((m) => m[1] === label));
      if (para && para.kind === 'paragraph') {
        for (const s of STATEMENTS) {
          const m = s.re.exec(para.text);
          if (!m) continue;
          const stated = Number(m[1]);
          const counted = s.count(f);
          if (stated !== counted) {
            findings.push({
              kind: 'inconsistency',
              message: t('planIndicators.countDiffers', { printed: m[0], stated, table: name, what: t(`planIndicators.count.${s.what}`), counted }),
              source: { line: para.line },
            });
          }
        }
      }
    }
    // the stated met / not-met counts against the table's 达标情况
    const id = f.matched ?? f.framework.id;
    for (const s of summaries) {
      if (s.framework !== id || !s.counts) continue;
      const status = new Map<string, string>();
      for (const e of f.data.entries) {
        if (!e.statedStatus || NOT_CONCERNED.test(e.statedStatus.printed)) continue;
        const before = status.get(e.number);
        if (!before || !NOT_MET.test(before)) status.set(e.number, e.statedStatus.printed);
      }
      if (status.size === 0) continue;
      const met = [...status.values()].filter((v) => MET.test(v)).length;
      const notMet = [...status.values()].filter((v) => NOT_MET.test(v)).length;
      const pairs: Array<[string, number, number]> = [
        ['applicable', s.counts.applicable, status.size],
        ['met', s.counts.met, met],
        ['notMet', s.counts.notMet, notMet],
      ];
      for (const [what, stated, counted] of pairs) {
        if (stated !== counted) {
          findings.push({
            kind: 'inconsistency',
            message: t('planIndicators.statusDiffers', { printed: s.printed, stated, table: name, what: t(`planIndicators.count.${what}`), counted }),
            source: { line: s.source.line },
          });
        }
      }
    }
  }
  return findings;
}
