// Fuzz test of the requirement and value language: the phrases of the built-in data files, mutated
// (symbols of both widths, numbers, footnote marks, words of the vocabulary, unicode junk, long runs),
// never make the parser throw anything but PhraseError, and never make it hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequirement, parseTiers, parseValue, PhraseError, type PhraseContext } from '../../src/domain/phrase.ts';
import { dataPhrases, phrases, settings } from './inputs.ts';

const corpus = dataPhrases();
/** a call taking longer than this is a hang in the making (catastrophic backtracking) */
const SLOW_MS = 250;

const contexts: fc.Arbitrary<PhraseContext> = fc.record(
  {
    label: fc.constantFrom('国家生态文明建设示范县建设指标 第29项 村镇饮用水卫生合格率', '测试指标'),
    unit: fc.constantFrom('%', '％', '个', '平方米/人', '吨标准煤/万元', '-', ''),
    polarity: fc.constantFrom('higher' as const, 'lower' as const),
  },
  { requiredKeys: ['label'] },
);

const parsers = { parseRequirement, parseValue, parseTiers } as const;

describe('the requirement and value parser under random and mutated phrases', () => {
  it('has phrases to start from: the built-in data files', () => {
    expect(corpus.length).toBeGreaterThan(500);
    expect(corpus).toContain('大于12');
    expect(corpus.some((p) => p.includes('→'))).toBe(true);
  });

  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name} returns or throws PhraseError, quickly`, () => {
      let read = 0;
      let refused = 0;
      fc.assert(
        fc.property(phrases(corpus), contexts, (phrase, ctx) => {
          const started = performance.now();
          try {
            const out = parse(phrase, ctx);
            expect(out).toBeDefined();
            JSON.stringify(out); // plain data
            read++;
          } catch (e) {
            if (!(e instanceof PhraseError)) throw new Error(`${name}(${JSON.stringify(phrase)}) threw ${(e as Error).name}: ${(e as Error).message}`);
            expect(e.phrase.length + e.context.length).toBeGreaterThan(0);
            refused++;
          }
          const ms = performance.now() - started;
          if (ms > SLOW_MS) throw new Error(`${name}(${JSON.stringify(phrase.slice(0, 80))}… ${phrase.length} chars) took ${ms.toFixed(0)} ms`);
        }),
        settings(3000),
      );
      // both outcomes were exercised
      expect(read).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});
