// Core vocabulary of the domain. One English word per concept (see ../shared/docs/domain.md glossary).

/** Where a figure came from: a document and a 1-based line in its text. */
export interface Source {
  document: string;
  line: number;
}

/** A message for people: a key into the translation files plus the figures it names. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** Which way is better for an indicator's number. */
export type Polarity = 'higher' | 'lower';

/** A trend word: what the change since the previous period must (or did) look like. */
export type Trend =
  | 'improve' // 提高 / 稳定提高 / 持续改善
  | 'notWorse' // 不降低 / 不减少 / 不改变 / 保持稳定或持续改善 / 保持
  | 'stable' // 保持稳定 (as a printed value: no change)
  | 'decrease' // 下降 (as a printed value)
  | 'increase'; // 上升 / 增长 (as a printed value)

/** Ordered states of an institution or action: 未制定 < 正在制定 < 建立 < 实施 < 有效/全面实施. */
export type StateLevel = 0 | 1 | 2 | 3 | 4;

/** A requirement (指标值/指标要求 or a target) read from its printed text. */
export type Requirement =
  | { kind: 'threshold'; op: Comparator; value: number; subject?: string; aspirational?: boolean; weighted?: false }
  | { kind: 'weighted'; op: Comparator; reference: string }
  | { kind: 'trend'; trend: Trend; subject?: string }
  | { kind: 'state'; level: StateLevel; word: string }
  | { kind: 'directive'; word: string }
  | { kind: 'absence'; subject: string }
  | { kind: 'relation'; word: string }
  | { kind: 'composite'; parts: Requirement[] };

/** A printed value read as data. Numbers may be intervals; states and trends are words. */
export type Value =
  | { kind: 'number'; lo: number; hi: number; loOpen: boolean; hiOpen: boolean; trend?: Trend }
  | { kind: 'state'; level: StateLevel; word: string }
  | { kind: 'trend'; trend: Trend; subject?: string; estimated?: boolean }
  | { kind: 'done'; word: string } // 完成… / 达到 / 满足: a directive or requirement fulfilled
  | { kind: 'undone'; word: string } // 未完成 / 未达到
  | { kind: 'absent'; word: string } // 无劣V类 / 消除 / 不明显 / 全部达到…
  | { kind: 'none'; word: string } // '-' or 未开展 for a measured quantity: no data
  | { kind: 'composite'; parts: Value[] };

export type Status = 'met' | 'notMet' | 'indeterminate' | 'noData' | 'notApplicable';

export type AchievabilityClass = 'stable' | 'expected' | 'uncertain' | 'difficult';

export type Flag = '抽样' | '代用' | '估算' | '往年';

export interface Footnote {
  mark: string;
  printed: string;
  source?: Source;
}

/** Region traits that frameworks key on. */
export interface RegionTraits {
  level: '省' | '市' | '区县' | '乡镇街道';
  terrain?: '山区' | '丘陵' | '平原';
  climate?: string;
  coastal: boolean;
}

export interface Tier {
  printed: string;
  points: number;
  /** numeric band; absent when the band is words that only a person can apply */
  band?: { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };
}

export interface Variant {
  when: { terrain?: string; climate?: string; printed?: string };
  requirement: string;
  tiers?: string;
  source?: Source;
}

export interface Applicability {
  only: 'city' | 'coastal';
  printed?: string;
  source?: Source;
}
