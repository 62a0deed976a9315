// Every message exists in Chinese and English, and every key the code uses is in the catalogues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, t } from '../../src/i18n/index.ts';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.includes('/i18n/') ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('zh-CN and en have the same keys', () => {
    expect([...catalogKeys('en')].sort()).toEqual([...catalogKeys('zh-CN')].sort());
  });

  it('every literal message key in the code is in the catalogues', () => {
    const keys = new Set(catalogKeys('zh-CN'));
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      // an audit record's action (action: 'backup.restoreUnverified') is a name, not a message key
      for (const m of text.matchAll(/(?<!action: )['`]((?:reason|achievability|status|class|summary|table|cli|error|explain|xlsx|report|integrity|limits|backup|data|entry)\.[A-Za-z.]+)['`]/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('fills parameters and says which one is missing rather than dropping it', () => {
    expect(t('reason.threshold.met', { value: '24', bound: '≥20' })).toBe('现状值24满足≥20的要求。');
    expect(t('reason.threshold.met', { value: '24' }, 'en')).toBe('The value 24 satisfies {bound}.');
  });
});
