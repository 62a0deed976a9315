// Surface-water classes by single factor: GB 3838-2002 表1 with the rules of the national assessment method
// (环办〔2011〕22号), worked by hand from the table, and properties that hold for any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classLimits, countsInClass, parameterClass, readTargetClass, sectionClass, WATER_CLASSES, WATER_PARAMETERS, type WaterParameter, type Waterbody } from '../../src/domain/waterClass.ts';

describe('one value against GB 3838-2002 表1 (limits inclusive)', () => {
  it.each([
    ['COD', 15, 'Ⅰ'], // Ⅰ and Ⅱ share 15: the best class that holds
    ['COD', 20, 'Ⅲ'], // on the Ⅲ limit: Ⅲ
    ['COD', 20.01, 'Ⅳ'],
    ['COD', 40.5, '劣Ⅴ'],
    ['NH3-N', 1.0, 'Ⅲ'],
    ['NH3-N', 1.5, 'Ⅳ'],
    ['CODMn', 6, 'Ⅲ'],
    ['BOD5', 3, 'Ⅰ'],
    ['Hg', 0.0001, 'Ⅲ'],
    ['Hg', 0.00005, 'Ⅰ'],
    ['Cd', 0.005, 'Ⅱ'],
    ['fecal_coliform', 10000, 'Ⅲ'],
  ] as const)('%s %s → %s', (p, v, c) => {
    expect(parameterClass(p, v, 'river')).toBe(c);
  });

  it('dissolved oxygen is a lower limit: 7.5 Ⅰ, 6 Ⅱ, 5 Ⅲ, 4.99 Ⅳ, 2 Ⅴ, 1.9 劣Ⅴ', () => {
    expect([7.5, 6, 5, 4.99, 2, 1.9].map((v) => parameterClass('DO', v, 'river'))).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ']);
  });

  it('pH 6–9 meets every class; outside it is 劣Ⅴ', () => {
    expect([6, 7.4, 9, 5.9, 9.1].map((v) => parameterClass('pH', v, 'lake'))).toEqual(['Ⅰ', 'Ⅰ', 'Ⅰ', '劣Ⅴ', '劣Ⅴ']);
  });

  it('TP of a lake or reservoir against the 湖、库 limits; TN has a class for lakes and reservoirs only', () => {
    expect(parameterClass('TP', 0.05, 'river')).toBe('Ⅱ');
    expect(parameterClass('TP', 0.05, 'lake')).toBe('Ⅲ');
    expect(parameterClass('TP', 0.05, 'reservoir')).toBe('Ⅲ');
    expect(parameterClass('TN', 1.0, 'lake')).toBe('Ⅲ');
    expect(parameterClass('TN', 1.0, 'river')).toBeNull();
  });
});

describe('a section’s class: the worst counting parameter (评价办法 一(一)1, 二(一)1)', () => {
  it('fecal coliform and TN are shown but do not count (the national method)', () => {
    const s = sectionClass('lake', { pH: 7.2, DO: 6, CODMn: 4, 'NH3-N': 0.8, TP: 0.04, TN: 3, fecal_coliform: 50000 });
    expect(s.class).toBe('Ⅲ');
    expect(s.perParameter).toEqual({ pH: 'Ⅰ', DO: 'Ⅱ', CODMn: 'Ⅱ', 'NH3-N': 'Ⅲ', TP: 'Ⅲ', TN: '劣Ⅴ', fecal_coliform: '劣Ⅴ' });
    expect(s.exceeding).toEqual([]);
    expect(s.reference).toEqual(['TN', 'fecal_coliform']);
    expect(sectionClass('lake', { TP: 0.04, TN: 3 }, { countTotalNitrogen: true }).class).toBe('劣Ⅴ');
    expect(sectionClass('river', { TP: 0.04, TN: 3 }, { countTotalNitrogen: true })).toMatchObject({ class: 'Ⅱ', perParameter: { TP: 'Ⅱ' }, reference: ['TN'] });
  });

  it('exceeding the target: worst class first, then the larger 超标倍数; none for pH and DO (评价办法 三)', () => {
    const s = sectionClass('river', { 'NH3-N': 1.8, CODMn: 12, TP: 0.35, BOD5: 5, DO: 4, pH: 7 });
    expect(s.class).toBe('Ⅴ');
    expect(s.exceeding.map((e) => [e.parameter, e.class, e.times === null ? null : Number(e.times.toFixed(4))])).toEqual([
      ['CODMn', 'Ⅴ', 1], // (12 − 6) / 6
      ['NH3-N', 'Ⅴ', 0.8], // (1.8 − 1) / 1
      ['TP', 'Ⅴ', 0.75], // (0.35 − 0.2) / 0.2
      ['BOD5', 'Ⅳ', 0.25], // (5 − 4) / 4
      ['DO', 'Ⅳ', null],
    ]);
  });

  it('a target class of Ⅱ: Ⅲ parameters exceed it', () => {
    expect(sectionClass('river', { 'NH3-N': 0.9, CODMn: 3 }, { target: 'Ⅱ' }).exceeding.map((e) => e.parameter)).toEqual(['NH3-N']);
    expect(readTargetClass('III')).toBe('Ⅲ');
    expect([readTargetClass('2'), readTargetClass('Ⅳ类'), readTargetClass('劣Ⅴ')]).toEqual(['Ⅱ', 'Ⅳ', undefined]);
  });

  it('pH outside 6–9 makes the section 劣Ⅴ', () => {
    expect(sectionClass('river', { pH: 9.5, 'NH3-N': 0.1 }).class).toBe('劣Ⅴ');
  });

  it('only reference items: no class', () => {
    expect(sectionClass('river', { fecal_coliform: 100 }).class).toBeNull();
  });
});

const DO_LIMITS = classLimits('DO', 'river')!;
const upper = WATER_PARAMETERS.filter((p) => p !== 'pH' && p !== 'DO');
const rank = (c: string | null) => WATER_CLASSES.indexOf(c as (typeof WATER_CLASSES)[number]);

describe('properties', () => {
  it('the class never gets better as a pollutant rises (and never worse as DO rises)', () => {
    fc.assert(
      fc.property(fc.constantFrom<WaterParameter>(...upper), fc.constantFrom<Waterbody>('river', 'lake'), fc.double({ min: 0, max: 50000, noNaN: true }), fc.double({ min: 0, max: 50000, noNaN: true }), (p, w, a, b) => {
        if (p === 'TN' && w === 'river') return;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(parameterClass(p, lo, w))).toBeLessThanOrEqual(rank(parameterClass(p, hi, w)));
        expect(rank(parameterClass('DO', lo / 1000, w))).toBeGreaterThanOrEqual(rank(parameterClass('DO', hi / 1000, w)));
      }),
      { numRuns: 3000 },
    );
  });

  it('boundaries are inclusive: a value on a class’s limit is that class or better; a hair above it, worse', () => {
    for (const w of ['river', 'lake'] as const)
      for (const p of upper) {
        const limits = classLimits(p, w);
        if (limits === null) continue;
        limits.forEach((limit, i) => {
          expect(rank(parameterClass(p, limit, w))).toBeLessThanOrEqual(i);
          expect(rank(parameterClass(p, limit * (1 + 1e-9), w))).toBeGreaterThan(i);
        });
      }
    DO_LIMITS.forEach((limit, i) => {
      expect(rank(parameterClass('DO', limit, 'river'))).toBeLessThanOrEqual(i);
      expect(rank(parameterClass('DO', limit * (1 - 1e-9), 'river'))).toBeGreaterThan(i);
    });
  });

  it('the section’s class is the worst counting parameter’s class', () => {
    const values = fc.dictionary(fc.constantFrom<WaterParameter>(...WATER_PARAMETERS), fc.double({ min: 0, max: 14, noNaN: true }), { minKeys: 1 });
    fc.assert(
      fc.property(fc.constantFrom<Waterbody>('river', 'lake', 'reservoir'), values, (w, v) => {
        const s = sectionClass(w, v);
        const counting = (Object.keys(s.perParameter) as WaterParameter[]).filter((p) => countsInClass(p, w));
        if (counting.length === 0) expect(s.class).toBeNull();
        else expect(rank(s.class)).toBe(Math.max(...counting.map((p) => rank(s.perParameter[p]!))));
      }),
      { numRuns: 1000 },
    );
  });
});
