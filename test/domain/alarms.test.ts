// Early-warning rules (src/domain/alarms.ts): expected findings worked out by hand from the rules, not by the code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateSource, isRefusal, mergeFindings, transition, type Alarm, type PermittedLimit, type SeriesPoint, type SourceInput } from '../../src/domain/alarms.ts';

const HOUR = 3600_000;
/** a Beijing clock time "2026-12-01 08:00" as a Date */
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** hourly points from a Beijing start, one a value (null: no point at that hour) */
const hourly = (start: string, values: (number | null)[], flag = 'N'): SeriesPoint[] =>
  values.flatMap((v, i) => (v === null ? [] : [{ time: new Date(bj(start).getTime() + i * HOUR), value: v, flag }]));

const so2Hour: PermittedLimit = { pollutant: 'a21026', value: 35, unit: 'mg/m³', averaging: 'hour', basis: 'measured' };

function input(series: Record<string, SeriesPoint[]>, extra: Partial<SourceInput> = {}): SourceInput {
  return {
    deviceId: 7,
    kind: 'hourly',
    window: { from: bj('2026-12-01 00:00'), to: bj('2026-12-01 23:59') },
    series,
    limits: [so2Hour],
    expectedIntervalMs: HOUR,
    lastPacketAt: bj('2026-12-01 23:00'),
    ...extra,
  };
}
const NOW = bj('2026-12-01 23:30');
const kinds = (fs: { kind: string }[]) => fs.map((f) => f.kind);

describe('exceedance', () => {
  it('a mean above the hourly limit is an exceedance with its 超标倍数; exactly at the limit is not', () => {
    // 35 is at the limit (not over), 42 and 52.5 are over: 超标倍数 of 52.5 = (52.5 − 35) / 35 = 0.5
    const f = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [20, 35, 42, 52.5, 30]) }), NOW).filter((x) => x.kind === 'exceedance');
    expect(f).toHaveLength(1);
    expect(f[0]!.from).toEqual(bj('2026-12-01 02:00'));
    expect(f[0]!.to).toEqual(bj('2026-12-01 03:00'));
    expect(f[0]!.figures.max).toBe(52.5);
    expect(f[0]!.figures.multiple).toBeCloseTo(0.5, 10);
    expect(f[0]!.reason).toContain('超标 0.5 倍');
    expect(f[0]!.reason).toContain('35mg/m³');
  });

  it('only at the limit all day is no exceedance', () => {
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [35, 35, 35]) }), NOW))).not.toContain('exceedance');
  });

  it('a limit on the 折算 value is compared with the 折算 value; no 折算 value is no data, not an exceedance', () => {
    const limit: PermittedLimit = { ...so2Hour, basis: 'converted' };
    const points: SeriesPoint[] = [
      { time: bj('2026-12-01 00:00'), value: 50, converted: 30, flag: 'N' }, // measured over, 折算 under: no
      { time: bj('2026-12-01 01:00'), value: 30, converted: 40, flag: 'N' }, // 折算 over: yes
      { time: bj('2026-12-01 02:00'), value: 90, flag: 'N' }, // no 折算 value: no data
    ];
    const f = evaluateSource(input({ a21026: points }, { limits: [limit] }), NOW).filter((x) => x.kind === 'exceedance');
    expect(f).toHaveLength(1);
    expect(f[0]!.from).toEqual(bj('2026-12-01 01:00'));
    expect(f[0]!.reason).toContain('折算值');
  });

  it('a daily limit is not applied to hourly means, nor any limit to minute data', () => {
    const dayLimit: PermittedLimit = { ...so2Hour, averaging: 'day' };
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [90, 90]) }, { limits: [dayLimit] }), NOW))).not.toContain('exceedance');
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [90, 90]) }, { kind: 'minute', expectedIntervalMs: HOUR }), NOW))).not.toContain('exceedance');
  });

  it('values marked invalid (maintenance, calibration) are not exceedances', () => {
    const f = evaluateSource(input({ a21026: [...hourly('2026-12-01 00:00', [90], 'M'), ...hourly('2026-12-01 01:00', [90], 'C')] }), NOW);
    expect(kinds(f)).not.toContain('exceedance');
  });

  it('a missing hour splits two exceedances', () => {
    const f = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [40, null, 40]) }), NOW).filter((x) => x.kind === 'exceedance');
    expect(f).toHaveLength(2);
  });
});

describe('stuck', () => {
  it('the same value over 4 h (5 hourly points, 00:00 to 04:00) is stuck; 4 points (3 h) are not', () => {
    const stuck = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [12, 12, 12, 12, 12, 13]) }), NOW).filter((x) => x.kind === 'stuck');
    expect(stuck).toHaveLength(1);
    expect(stuck[0]!.from).toEqual(bj('2026-12-01 00:00'));
    expect(stuck[0]!.to).toEqual(bj('2026-12-01 04:00'));
    expect(stuck[0]!.figures.hours).toBe(4);
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [12, 12, 12, 12, 13]) }), NOW))).not.toContain('stuck');
  });

  it('minute data: 3 h 59 of one value is not stuck, 4 h 00 is', () => {
    const minutes = (n: number): SeriesPoint[] => Array.from({ length: n }, (_, i) => ({ time: new Date(bj('2026-12-01 00:00').getTime() + i * 60_000), value: 5, flag: 'N' }));
    const opts = { kind: 'minute' as const, expectedIntervalMs: 60_000, limits: [] };
    // 240 points span 0..239 minutes = 3 h 59; 241 points span 240 minutes = 4 h
    expect(kinds(evaluateSource(input({ a21026: minutes(240) }, opts), NOW))).not.toContain('stuck');
    expect(kinds(evaluateSource(input({ a21026: minutes(241) }, opts), NOW))).toContain('stuck');
  });

  it('a missing hour breaks the run; the setting changes the hours', () => {
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [12, 12, 12, null, 12, 12, 12]) }), NOW))).not.toContain('stuck');
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [12, 12, 12]) }, { settings: { stuckHours: 2 } }), NOW))).toContain('stuck');
  });
});

describe('zero, negative, out of range', () => {
  it('zeros and negatives of valid points, one finding per run; a missing hour is not a zero', () => {
    const f = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [0, 0, null, 3, -1, -2.5]) }), NOW);
    const zero = f.filter((x) => x.kind === 'zero');
    expect(zero).toHaveLength(1);
    expect(zero[0]!.figures.points).toBe(2);
    const neg = f.filter((x) => x.kind === 'negative');
    expect(neg).toHaveLength(1);
    expect(neg[0]!.figures.min).toBe(-2.5);
    expect(neg[0]!.from).toEqual(bj('2026-12-01 04:00'));
  });

  it('a zero while the instrument is stopped (F) is not a zero finding', () => {
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [0, 0], 'F') }), NOW))).not.toContain('zero');
  });

  it('outside the instrument range, or marked T, is out of range; the range edges are inside', () => {
    const ranges = { a21026: { min: 0, max: 100 } };
    const f = evaluateSource(input({ a21026: [...hourly('2026-12-01 00:00', [100, 101]), ...hourly('2026-12-01 05:00', [80], 'T')] }, { ranges }), NOW).filter((x) => x.kind === 'outOfRange');
    expect(f.map((x) => x.from)).toEqual([bj('2026-12-01 01:00'), bj('2026-12-01 05:00')]);
  });

  it('a value that is not a finite number is implausible', () => {
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [Number.POSITIVE_INFINITY]) }), NOW))).toContain('outOfRange');
  });
});

describe('silent', () => {
  it('no packet for more than 3 expected intervals; exactly 3 is not silent', () => {
    const last = bj('2026-12-01 20:00');
    expect(kinds(evaluateSource(input({}, { lastPacketAt: last }), bj('2026-12-01 23:00')))).not.toContain('silent');
    const f = evaluateSource(input({}, { lastPacketAt: last }), bj('2026-12-01 23:01'));
    expect(kinds(f)).toEqual(['silent']);
    expect(f[0]!.pollutant).toBeNull();
    expect(f[0]!.from).toEqual(last);
  });
});

describe('low transmission', () => {
  const day = { from: bj('2026-12-01 00:00'), to: bj('2026-12-02 00:00') };
  const later = bj('2026-12-02 01:00');
  it('22 valid hours of 24 expected is 91.7 %: not low; 21 is 87.5 %: low', () => {
    const values = (n: number) => Array.from({ length: 24 }, (_, i) => (i < n ? 10 + i : null));
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', values(22)) }, { window: day, limits: [] }), later))).not.toContain('lowTransmission');
    const f = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', values(21)) }, { window: day, limits: [] }), later).filter((x) => x.kind === 'lowTransmission');
    expect(f).toHaveLength(1);
    expect(f[0]!.figures).toMatchObject({ valid: 21, expected: 24 });
    expect(f[0]!.reason).toContain('2026-12-01 的数据传输有效率为 87.5%');
  });

  it('points marked invalid do not count as valid: 24 received, 4 under maintenance → 20/24', () => {
    const pts = [...hourly('2026-12-01 00:00', Array.from({ length: 20 }, (_, i) => 10 + i)), ...hourly('2026-12-01 20:00', [1, 2, 3, 4], 'M')];
    const f = evaluateSource(input({ a21026: pts }, { window: day, limits: [] }), later).filter((x) => x.kind === 'lowTransmission');
    expect(f[0]!.figures.valid).toBe(20);
  });

  it('a day not yet over is not judged', () => {
    expect(kinds(evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [10]) }, { window: day, limits: [] }), bj('2026-12-01 23:30')))).not.toContain('lowTransmission');
  });
});

describe('mergeFindings', () => {
  const series = { a21026: hourly('2026-12-01 00:00', [40, 41]) };
  it('a lasting condition updates its alarm rather than opening another', () => {
    const t1 = bj('2026-12-01 02:00');
    const first = mergeFindings([], evaluateSource(input(series), t1), t1);
    expect(first.opened.map((a) => a.kind)).toEqual(['exceedance']);
    const open: Alarm[] = first.opened.map((a, i) => ({ ...a, id: i + 1 }));
    const t2 = bj('2026-12-01 03:00');
    const more = { a21026: hourly('2026-12-01 00:00', [40, 41, 44]) };
    const second = mergeFindings(open, evaluateSource(input(more), t2), t2);
    expect(second.opened).toEqual([]);
    expect(second.updated).toHaveLength(1);
    expect(second.updated[0]!.id).toBe(1);
    expect(second.updated[0]!.lastSeenAt).toEqual(t2);
    expect(second.updated[0]!.to).toEqual(bj('2026-12-01 02:00'));
    expect(second.updated[0]!.figures.max).toBe(44);
  });

  it('two runs of one kind in one evaluation make one alarm', () => {
    const f = evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [40, null, 40]) }), NOW);
    expect(mergeFindings([], f, NOW).opened.filter((a) => a.kind === 'exceedance')).toHaveLength(1);
  });

  it('a condition cleared for the setting’s hours is a close candidate; a closed alarm is not reopened by update', () => {
    const t1 = bj('2026-12-01 02:00');
    const a = { ...mergeFindings([], evaluateSource(input(series), t1), t1).opened[0]!, id: 1 };
    expect(mergeFindings([a], [], bj('2026-12-01 03:59')).closedCandidates).toEqual([]);
    expect(mergeFindings([a], [], bj('2026-12-01 04:00')).closedCandidates.map((x) => x.id)).toEqual([1]);
    const closed = { ...a, state: 'closed' as const };
    const again = mergeFindings([closed], evaluateSource(input(series), t1), t1);
    expect(again.opened).toHaveLength(1);
    expect(again.updated).toEqual([]);
  });
});

describe('transition', () => {
  const t1 = bj('2026-12-01 02:00');
  const raised = { ...mergeFindings([], evaluateSource(input({ a21026: hourly('2026-12-01 00:00', [40]) }), t1), t1).opened[0]!, id: 1 };
  it('产生 → 确认 → 处置 → 关闭, with the history of who and why', () => {
    const a = transition(raised, 'acknowledged', 'li', null, t1);
    if (isRefusal(a)) throw new Error(a.error);
    const h = transition(a, 'handling', 'li', '派单给网格员', t1);
    if (isRefusal(h)) throw new Error(h.error);
    const c = transition(h, 'closed', 'wang', '现场核查照片 2026-12-01-01', t1);
    if (isRefusal(c)) throw new Error(c.error);
    expect(c.state).toBe('closed');
    expect(c.history.map((x) => `${x.from}>${x.to}:${x.actor}`)).toEqual(['raised>acknowledged:li', 'acknowledged>handling:li', 'handling>closed:wang']);
  });

  it('steps out of order are refused in words; closing without a note is refused', () => {
    const skip = transition(raised, 'closed', 'li', '已处理', t1);
    expect(isRefusal(skip) && skip.error).toBe('报警当前为“产生”，不能直接转为“关闭”；下一步应为：确认。');
    const back = transition({ ...raised, state: 'handling' }, 'raised', 'li', null, t1);
    expect(isRefusal(back)).toBe(true);
    const noNote = transition({ ...raised, state: 'handling' }, 'closed', 'li', '  ', t1);
    expect(isRefusal(noNote) && noNote.error).toContain('证据');
    expect(isRefusal(transition({ ...raised, state: 'closed' }, 'raised', 'li', 'x', t1))).toBe(true);
  });
});

describe('properties', () => {
  const point = fc.record({
    time: fc.integer({ min: bj('2026-11-25 00:00').getTime(), max: bj('2026-12-02 00:00').getTime() }).map((ms) => new Date(ms)),
    value: fc.oneof(fc.double(), fc.constant(null), fc.constantFrom(0, 35, 12)),
    converted: fc.option(fc.double()),
    flag: fc.option(fc.constantFrom('N', 'F', 'M', 'S', 'D', 'C', 'T', 'B', '', 'x')),
  });
  it('evaluate never throws on random series, and findings lie within the input', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 60 }),
        fc.constantFrom('minute', 'hourly', 'daily'),
        fc.integer({ min: 0, max: 7 * 24 }),
        fc.option(fc.integer({ min: 0, max: 7 * 24 })),
        fc.integer({ min: 1, max: 24 * 60 }),
        (pts, kind, spanHours, lastOffset, intervalMin) => {
          const from = bj('2026-11-25 00:00');
          const to = new Date(from.getTime() + spanHours * HOUR);
          const now = bj('2026-12-02 00:00');
          const last = lastOffset === null ? null : new Date(from.getTime() + lastOffset * HOUR);
          const f = evaluateSource({ deviceId: 1, kind: kind as 'minute', window: { from, to }, series: { a21026: pts }, limits: [so2Hour, { ...so2Hour, averaging: 'day', basis: 'converted' }], ranges: { a21026: { min: 0, max: 100 } }, expectedIntervalMs: intervalMin * 60_000, lastPacketAt: last }, now);
          for (const x of f) {
            expect(x.from.getTime()).toBeLessThanOrEqual(x.to.getTime());
            if (x.kind === 'silent') {
              expect(x.from).toEqual(last);
              expect(x.to).toEqual(now);
            } else {
              expect(x.from.getTime()).toBeGreaterThanOrEqual(from.getTime());
              expect(x.to.getTime()).toBeLessThan(Math.max(to.getTime(), from.getTime() + 1));
            }
          }
        },
      ),
    );
  });
});
