// Early warning for pollution sources (issue #16, "Early warning"): pure rules that turn a device's recent values
// into findings, the merge of findings into alarms that last, and the alarm lifecycle. No I/O: the store keeps
// the alarms and dispatches work items from what these functions return.
//
// Rules and where they come from (what is assumed is said so):
// - exceedance: an hourly (2061) or daily (2031) mean above the permitted limit of the same averaging (小时/日),
//   from the discharge permit (outlet_pollutants). A limit whose basis is 'converted' is compared with the 折算
//   value (HJ 212 ZsAvg: the mean converted to the reference oxygen content; HJ 75-2017 compares gas emissions
//   with limits at the reference oxygen content); a 'measured' limit (waste water, or a permit that says so) with
//   the measured mean. A point without the value its limit needs is no data, never an exceedance. Exactly at the
//   limit is not an exceedance (the limit is a 限值: "不得超过"). 超标倍数 = (C − limit) ÷ limit, the definition of
//   《地表水环境质量评价办法（试行）》(环办〔2011〕22号) for 超标倍数, carried over to a permitted limit (assumed).
//   Minute data is not compared with a permit: permits set hourly or daily means.
// - Only points whose data mark is N (HJ 212-2017 §6.6.4 表8, instrument working normally) or that carry no mark
//   are judged for exceedance, stuck, zero and negative: a value marked F M S D C B is not a valid measurement.
//   A value marked T (above the instrument's range) is an outOfRange finding.
// - stuck: the same value for at least `stuckHours` (a setting, default 4 h; a common practice of provincial
//   data-review rules, not a clause we have read), measured from the first to the last point of a run of
//   consecutive points; a gap longer than the series' step breaks the run (a missing hour is not a value).
// - zero, negative: valid points at 0, below 0; runs of them are one finding each.
// - outOfRange: a value outside the instrument's range when it is given, a T mark, or a value that is not a
//   finite number.
// - silent: no packet for more than `silentFactor` × the expected reporting interval (a setting, default 3).
//   A device that never sent a packet (lastPacketAt null) gives no finding here: the caller knows since when
//   it was registered.
// - lowTransmission: 数据传输有效率 of a day below `transmissionThreshold` (a setting, default 0.90). The
//   national assessment of 国控 sources defines 数据传输有效率 = 传输率 × 有效率, 传输率 = 实际传输的数据个数 ÷
//   应传输的数据个数, 有效率 = 有效数据个数 ÷ 实际传输的数据个数 (环境保护部 assessment notices on 国家重点监控企业
//   污染源自动监测数据有效性审核 and 传输有效率; recalled, not read from the text here — check before citing in
//   a report). The product is valid ÷ expected, computed so. Valid = mark N or no mark, a finite value, each data
//   time counted once. Expected = the day's length ÷ the series' step. Days are Beijing days (UTC+8, the device's
//   clock, HJ 212 DataTime); only days wholly inside the input window and ended by `now` are judged.
import { t } from '../i18n/index.ts';

export type CommandKind = 'minute' | 'hourly' | 'daily';
export type FindingKind = 'exceedance' | 'stuck' | 'zero' | 'negative' | 'outOfRange' | 'silent' | 'lowTransmission';

/** One value of a series: its data time, the measured value, the 折算 value when sent, the data mark. */
export interface SeriesPoint {
  time: Date;
  value: number | null;
  /** the value converted to the reference oxygen content (ZsAvg), when the device sends it */
  converted?: number | null;
  flag?: string | null;
}

/** A permitted limit of the discharge permit. basis: which value it applies to (measured or 折算). */
export interface PermittedLimit {
  pollutant: string;
  value: number;
  unit: string | null;
  averaging: 'hour' | 'day';
  basis: 'measured' | 'converted';
}

export interface AlarmSettings {
  /** stuck when the same value lasts at least this many hours */
  stuckHours: number;
  /** silent when no packet for more than this many expected intervals */
  silentFactor: number;
  /** a day's 数据传输有效率 below this (0–1) is low */
  transmissionThreshold: number;
  /** an open alarm whose condition has not been seen for this many hours is a close candidate */
  clearHours: number;
}

export const DEFAULT_ALARM_SETTINGS: AlarmSettings = { stuckHours: 4, silentFactor: 3, transmissionThreshold: 0.9, clearHours: 2 };

/** What evaluateSource judges: one device's recent values of one command kind. */
export interface SourceInput {
  deviceId: number;
  kind: CommandKind;
  /** the span the series were read for (the caller's query), from inclusive, to exclusive */
  window: { from: Date; to: Date };
  /** time-ordered points by pollutant code */
  series: Record<string, SeriesPoint[]>;
  limits: PermittedLimit[];
  /** the instrument's measuring range by pollutant code, when known */
  ranges?: Record<string, { min: number; max: number }>;
  /** the device's expected reporting interval of this kind, in milliseconds */
  expectedIntervalMs: number;
  /** pollutants' names as the permit gives them, by code, for the reasons in words (the code when absent) */
  names?: Record<string, string>;
  lastPacketAt: Date | null;
  settings?: Partial<AlarmSettings>;
}

/** One condition found: the kind, the pollutant (null for the device as a whole), the period and its figures. */
export interface Finding {
  deviceId: number;
  kind: FindingKind;
  pollutant: string | null;
  from: Date;
  to: Date;
  figures: Record<string, number | string | null>;
  /** the reason in words (zh-CN catalogue alarms.reason.*) */
  reason: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;

const isValidMark = (flag: string | null | undefined) => flag == null || flag === '' || flag === 'N';
const fmt = (d: Date) => new Date(d.getTime() + BEIJING).toISOString().slice(0, 16).replace('T', ' ');
const num = (x: number) => Number(x.toPrecision(6)).toString();

/** the step between consecutive points of a kind */
function stepOf(input: SourceInput): number {
  if (input.kind === 'hourly') return HOUR;
  if (input.kind === 'daily') return DAY;
  return input.expectedIntervalMs > 0 ? input.expectedIntervalMs : 60_000;
}

/** A run of consecutive points: its first and last point and all of them. */
interface Run {
  first: SeriesPoint;
  last: SeriesPoint;
  points: SeriesPoint[];
}

/** Runs of consecutive points satisfying `test`, a gap longer than `step` ending a run. */
function runs(points: SeriesPoint[], step: number, test: (p: SeriesPoint, prev: SeriesPoint | null) => boolean): Run[] {
  const out: Run[] = [];
  let cur: Run | null = null;
  for (const p of points) {
    const prev = cur ? cur.last : null;
    if (cur && prev && p.time.getTime() - prev.time.getTime() <= step && test(p, prev)) {
      cur.points.push(p);
      cur.last = p;
    } else {
      if (cur) out.push(cur);
      cur = test(p, null) ? { first: p, last: p, points: [p] } : null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * evaluateSource(input: SourceInput, now: Date): Finding[] — the conditions a device's recent values show.
 * Never throws on any series; each finding's period lies within the input window, or for silent between the
 * last packet and now.
 */
export function evaluateSource(input: SourceInput, now: Date): Finding[] {
  const s: AlarmSettings = { ...DEFAULT_ALARM_SETTINGS, ...input.settings };
  const step = stepOf(input);
  const findings: Finding[] = [];
  const add = (kind: FindingKind, pollutant: string | null, from: Date, to: Date, figures: Finding['figures'], params: Record<string, string | number>) =>
    findings.push({ deviceId: input.deviceId, kind, pollutant, from, to, figures, reason: t(`alarms.reason.${kind}`, { pollutant: pollutant === null ? '' : (input.names?.[pollutant] ?? pollutant), from: fmt(from), to: fmt(to), ...params }) });
  const wFrom = input.window.from.getTime();
  const wTo = input.window.to.getTime();

  for (const [code, raw] of Object.entries(input.series)) {
    const points = raw
      .filter((p) => p && p.time instanceof Date && Number.isFinite(p.time.getTime()) && p.time.getTime() >= wFrom && p.time.getTime() < wTo)
      .slice()
      .sort((a, b) => a.time.getTime() - b.time.getTime());
    const valid = (p: SeriesPoint) => isValidMark(p.flag) && typeof p.value === 'number' && Number.isFinite(p.value);

    // exceedance: hourly against hour limits, daily against day limits
    const averaging = input.kind === 'hourly' ? 'hour' : input.kind === 'daily' ? 'day' : null;
    for (const limit of input.limits) {
      if (averaging === null || limit.pollutant !== code || limit.averaging !== averaging || !(limit.value > 0)) continue;
      const valueOf = (p: SeriesPoint) => (limit.basis === 'converted' ? p.converted : p.value);
      const over = (p: SeriesPoint) => {
        const v = valueOf(p);
        return isValidMark(p.flag) && typeof v === 'number' && Number.isFinite(v) && v > limit.value;
      };
      for (const run of runs(points, step, over)) {
        const max = Math.max(...run.points.map((p) => valueOf(p) as number));
        const multiple = (max - limit.value) / limit.value;
        add('exceedance', code, run.first.time, run.last.time,
          { max, limit: limit.value, unit: limit.unit, basis: limit.basis, multiple, points: run.points.length },
          { max: num(max), limit: num(limit.value), unit: limit.unit ?? '', multiple: num(multiple), basis: t(`alarms.basis.${limit.basis}`), count: run.points.length });
      }
    }

    // stuck: the same valid value over at least stuckHours
    for (const run of runs(points, step, (p, prev) => valid(p) && (prev === null || p.value === prev.value))) {
      const span = run.last.time.getTime() - run.first.time.getTime();
      if (span >= s.stuckHours * HOUR) {
        add('stuck', code, run.first.time, run.last.time, { value: run.first.value, hours: span / HOUR, points: run.points.length },
          { value: num(run.first.value as number), hours: num(span / HOUR) });
      }
    }

    for (const run of runs(points, step, (p) => valid(p) && p.value === 0)) {
      add('zero', code, run.first.time, run.last.time, { points: run.points.length }, { count: run.points.length });
    }
    for (const run of runs(points, step, (p) => valid(p) && (p.value as number) < 0)) {
      const min = Math.min(...run.points.map((p) => p.value as number));
      add('negative', code, run.first.time, run.last.time, { min, points: run.points.length }, { min: num(min), count: run.points.length });
    }

    // out of range: outside the instrument's range, marked T, or not a finite number
    const range = input.ranges?.[code];
    const outside = (p: SeriesPoint) => {
      if (p.flag === 'T') return true;
      if (p.value === null || p.value === undefined) return false;
      if (!Number.isFinite(p.value)) return true;
      return range !== undefined && isValidMark(p.flag) && (p.value < range.min || p.value > range.max);
    };
    for (const run of runs(points, step, outside)) {
      const finite = run.points.map((p) => p.value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const max = finite.length ? Math.max(...finite) : null;
      add('outOfRange', code, run.first.time, run.last.time,
        { max, rangeMin: range?.min ?? null, rangeMax: range?.max ?? null, points: run.points.length },
        { max: max === null ? '—' : num(max), range: range ? `${num(range.min)}–${num(range.max)}` : '—', count: run.points.length });
    }

    // low transmission: per Beijing day wholly inside the window and ended by now
    if (input.kind !== 'daily') {
      const expected = Math.floor(DAY / step);
      const firstDay = Math.ceil((wFrom + BEIJING) / DAY) * DAY - BEIJING;
      for (let d = firstDay; d + DAY <= wTo && d + DAY <= now.getTime() && expected > 0; d += DAY) {
        const times = new Set(points.filter((p) => valid(p) && p.time.getTime() >= d && p.time.getTime() < d + DAY).map((p) => p.time.getTime()));
        const rate = Math.min(times.size, expected) / expected;
        if (rate < s.transmissionThreshold) {
          add('lowTransmission', code, new Date(d), new Date(d + DAY - 1), { valid: times.size, expected, rate, threshold: s.transmissionThreshold },
            { day: fmt(new Date(d)).slice(0, 10), valid: times.size, expected, rate: num(rate * 100), threshold: num(s.transmissionThreshold * 100) });
        }
      }
    }
  }

  if (input.lastPacketAt && input.expectedIntervalMs > 0) {
    const quiet = now.getTime() - input.lastPacketAt.getTime();
    if (quiet > s.silentFactor * input.expectedIntervalMs) {
      add('silent', null, input.lastPacketAt, now, { hours: quiet / HOUR, expectedMinutes: input.expectedIntervalMs / 60_000 },
        { hours: num(quiet / HOUR), factor: s.silentFactor, interval: num(input.expectedIntervalMs / 60_000) });
    }
  }
  return findings;
}

// ---------------------------------------------------------------- alarms and their lifecycle

/** 产生 raised → 确认 acknowledged → 处置 handling → 关闭 closed */
export type AlarmState = 'raised' | 'acknowledged' | 'handling' | 'closed';

export const ALARM_TRANSITIONS: Record<AlarmState, readonly AlarmState[]> = {
  raised: ['acknowledged'],
  acknowledged: ['handling'],
  handling: ['closed'],
  closed: [],
};

export interface AlarmStep {
  from: AlarmState;
  to: AlarmState;
  actor: string;
  at: Date;
  note: string | null;
}

/** An alarm: a finding that lasts, deduplicated by device, pollutant and kind while it is open. id: the store's (null before). */
export interface Alarm {
  id: number | null;
  deviceId: number;
  pollutant: string | null;
  kind: FindingKind;
  state: AlarmState;
  raisedAt: Date;
  lastSeenAt: Date;
  from: Date;
  to: Date;
  figures: Finding['figures'];
  reason: string;
  history: AlarmStep[];
}

const keyOf = (x: { deviceId: number; pollutant: string | null; kind: FindingKind }) => `${x.deviceId}\u0000${x.pollutant ?? ''}\u0000${x.kind}`;

/**
 * mergeFindings(open: Alarm[], findings: Finding[], now: Date, settings?): { opened, updated, closedCandidates }
 * — a finding whose device, pollutant and kind match an open alarm updates it (last seen, period end, figures,
 * reason); otherwise it opens a new alarm (several findings of one key in a batch make one alarm, the latest
 * figures kept). An open alarm not seen for `clearHours` is a close candidate (closing stays a person's act).
 */
export function mergeFindings(open: Alarm[], findings: Finding[], now: Date, settings: Partial<AlarmSettings> = {}): { opened: Alarm[]; updated: Alarm[]; closedCandidates: Alarm[] } {
  const clearMs = ({ ...DEFAULT_ALARM_SETTINGS, ...settings }).clearHours * HOUR;
  const byKey = new Map<string, Alarm>();
  for (const a of open) if (a.state !== 'closed') byKey.set(keyOf(a), a);
  const opened = new Map<string, Alarm>();
  const updated = new Map<string, Alarm>();
  for (const f of [...findings].sort((a, b) => a.to.getTime() - b.to.getTime())) {
    const k = keyOf(f);
    const existing = updated.get(k) ?? byKey.get(k);
    if (existing) {
      updated.set(k, { ...existing, lastSeenAt: now, to: f.to > existing.to ? f.to : existing.to, figures: f.figures, reason: f.reason });
      continue;
    }
    const fresh = opened.get(k);
    if (fresh) {
      opened.set(k, { ...fresh, from: f.from < fresh.from ? f.from : fresh.from, to: f.to > fresh.to ? f.to : fresh.to, figures: f.figures, reason: f.reason });
    } else {
      opened.set(k, { id: null, deviceId: f.deviceId, pollutant: f.pollutant, kind: f.kind, state: 'raised', raisedAt: now, lastSeenAt: now, from: f.from, to: f.to, figures: f.figures, reason: f.reason, history: [] });
    }
  }
  const closedCandidates = [...byKey.entries()].filter(([k, a]) => !updated.has(k) && now.getTime() - a.lastSeenAt.getTime() >= clearMs).map(([, a]) => a);
  return { opened: [...opened.values()], updated: [...updated.values()], closedCandidates };
}

/** A refused transition, in the office's words. */
export interface TransitionRefusal {
  error: string;
}

/**
 * transition(alarm: Alarm, to: AlarmState, actor: string, note: string | null, at?: Date): Alarm | TransitionRefusal
 * — the next lifecycle state; refused when out of order (ALARM_TRANSITIONS) or when closing without a note or
 * evidence reference.
 */
export function transition(alarm: Alarm, to: AlarmState, actor: string, note: string | null, at: Date = new Date()): Alarm | TransitionRefusal {
  const state = (s: AlarmState) => t(`alarms.state.${s}`);
  if (!ALARM_TRANSITIONS[alarm.state].includes(to)) {
    return { error: t('alarms.error.order', { from: state(alarm.state), to: state(to), expected: ALARM_TRANSITIONS[alarm.state].map(state).join('、') || t('alarms.none') }) };
  }
  const trimmed = note?.trim() ?? '';
  if (to === 'closed' && trimmed === '') return { error: t('alarms.error.closeNote') };
  return { ...alarm, state: to, history: [...alarm.history, { from: alarm.state, to, actor, at, note: trimmed === '' ? null : trimmed }] };
}

export const isRefusal = (x: Alarm | TransitionRefusal): x is TransitionRefusal => 'error' in x;
