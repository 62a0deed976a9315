// The plans' own words, as data: what each requirement and value phrase means.
// These are the Chinese terms of the domain language (matched in documents), not UI text.
import type { StateLevel, Trend } from './types.ts';

/** Requirement and value words for institutions and actions, with their order. */
export const STATE_WORDS: ReadonlyArray<readonly [string, StateLevel]> = [
  ['未制定', 0],
  ['未建立', 0],
  ['未开展', 0],
  ['未实施', 0],
  ['未执行', 0],
  ['未获得', 0],
  ['正在制定', 1],
  ['正在建立', 1],
  ['正在开展', 1],
  ['制定中', 1],
  ['建立中', 1],
  ['已制定', 2],
  ['制定', 2],
  ['已建立', 2],
  ['建立', 2],
  ['获得', 2],
  ['建成', 2],
  ['已获得', 2],
  ['制定实施', 3],
  ['建立实施', 3],
  ['已实施', 3],
  ['实施', 3],
  ['执行', 3],
  ['开展', 3],
  ['已开展', 3],
  ['有效开展', 4],
  ['全面实施', 4],
  ['全面开展', 4],
  ['全面执行', 4],
];

/** Words that open a state requirement with an object: 建成100亿级生态工业集群. */
export const STATE_PREFIXES = ['建成', '建立', '制定', '获得', '创建'];

/** Trend words. Order matters: longer phrases first. */
export const TREND_WORDS: ReadonlyArray<readonly [string, Trend]> = [
  ['保持稳定或持续改善', 'notWorse'],
  ['稳定或持续改善', 'notWorse'],
  ['稳中有升', 'improve'],
  ['稳定提高', 'improve'],
  ['持续提高', 'improve'],
  ['持续改善', 'improve'],
  ['逐步提高', 'improve'],
  ['双增长', 'improve'],
  ['保持稳定', 'stable'],
  ['保持', 'notWorse'],
  ['不降低', 'notWorse'],
  ['不减少', 'notWorse'],
  ['不改变', 'notWorse'],
  ['不下降', 'notWorse'],
  ['不增加', 'notWorse'],
  ['提高', 'improve'],
  ['改善', 'improve'],
  ['稳定', 'stable'],
  ['下降', 'decrease'],
  ['减少', 'decrease'],
  ['降低', 'decrease'],
  ['上升', 'increase'],
  ['增长', 'increase'],
  ['增加', 'increase'],
];

/** Requirement phrases that defer to a higher level's yearly target (a yes/no with evidence). */
export const DIRECTIVE_PATTERN = /^(完成|达到|水质达到).*(任务|目标|要求)$/;

/** Value words that say a directive or requirement is fulfilled. */
export const DONE_WORDS = ['满足', '达到', '完成', '已完成', '达标', '符合'];
export const UNDONE_WORDS = ['未完成', '未达到', '不满足', '未达标', '不符合'];

/** Requirement phrases of absence: a bad thing is absent or not significant. */
export const ABSENCE_PATTERN = /^(无|基本消除|消除|没有)(.+)$/;
export const NOT_SIGNIFICANT = '不明显';

/** Value words saying a bad thing is gone, or the best level is already reached. */
export const ABSENT_VALUE_PATTERN = /^(无|消除|基本消除|没有|不明显$)|全部达到|均达到/;

/** Requirements that compare with something outside the indicator (a person judges). */
export const RELATION_PATTERN = /(优于|不劣于|好于)/;

/** Words a value may carry in brackets that are flags, not figures. */
export const FLAG_WORDS = {
  抽样: '抽样',
  抽检: '抽样',
  代用: '代用',
  估算: '估算',
  预估: '估算',
} as const;

/** Comparison prefixes of printed values, read as intervals. */
export const VALUE_PREFIXES: ReadonlyArray<readonly [string, 'gt' | 'ge' | 'lt' | 'le' | 'near' | 'slightlyAbove']> = [
  ['略大于', 'slightlyAbove'],
  ['略高于', 'slightlyAbove'],
  ['大于', 'gt'],
  ['高于', 'gt'],
  ['超过', 'gt'],
  ['多于', 'gt'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['小于', 'lt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['接近', 'near'],
  ['近', 'near'],
  ['约', 'near'],
];

/** Requirement/target phrasings around a number: 达到72%以上, 力争达到98%以上, 突破85%, 累计下降16%. */
export const ASPIRATION_PREFIX = '力争';

/** Name fragments that mark a "lower is better" indicator (for trends and bare numbers). */
export const LOWER_IS_BETTER = [
  '能耗',
  '用水量',
  '排放',
  '浓度',
  '劣V类水体比例',
  '劣Ⅴ类水体比例',
  '一次性消费品',
  '使用量',
  '建设用地使用面积',
];
/** Fragments that override the above: a decrease measured as a positive amount. */
export const HIGHER_IS_BETTER_OVERRIDES = ['下降幅度', '下降率', '消除比例', '削减', '提高幅度'];

/** How wide "接近X" is read: the interval [X·(1−NEAR_SPAN), X]. Documented in the README. */
export const NEAR_SPAN = 0.05;
/** How wide "略大于X" is read: (X, X·(1+SLIGHTLY_SPAN)]. */
export const SLIGHTLY_SPAN = 0.05;
