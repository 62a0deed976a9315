// UI language: zh-CN (default) or en, remembered in localStorage. All UI text comes from the catalogue's parts
// (parts.ts): the shared part, and each page's own, loaded with the page's code. A language or a page is shown
// only once its text is there: never a key in place of a word, never half one language and half the other.
import type { ConfigProviderProps } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { STORAGE_KEYS, readStored, writeStored } from '../lib/storage.ts';
import { COMMON_ZH_CN, PART_LOADERS, loadCommonEn, type Lang, type MessageKey, type MessagePart, type PartName } from './parts.ts';

export type { Lang, MessageKey, PartName };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
type AntdLocale = ConfigProviderProps['locale'];

/** the text loaded so far, by language: the parts merged (keys are unique across parts) */
const dictionaries: Record<Lang, MessagePart> = { 'zh-CN': { ...COMMON_ZH_CN }, en: {} };
type Loaded = PartName | 'common';
const loaded: Record<Lang, Set<Loaded>> = { 'zh-CN': new Set(['common']), en: new Set() };
const antdLocales: Partial<Record<Lang, AntdLocale>> = { 'zh-CN': antdZhCN };
const loading = new Map<string, Promise<void>>();

function loadPart(lang: Lang, part: Loaded): Promise<void> {
  const id = `${lang}:${part}`;
  let p = loading.get(id);
  if (!p) {
    p = (async () => {
      if (part === 'common') {
        const [m, antd] = await Promise.all([loadCommonEn(), import('antd/locale/en_US')]);
        antdLocales.en = antd.default;
        Object.assign(dictionaries[lang], m.default);
      } else {
        Object.assign(dictionaries[lang], (await PART_LOADERS[part][lang]()).default);
      }
      loaded[lang].add(part);
    })();
    // a chunk that failed to arrive (network) is asked for again next time
    p.catch(() => loading.delete(id));
    loading.set(id, p);
  }
  return p;
}

// English remembered from an earlier visit: its shared part is asked for now, beside the rest of the first bundle
if (readStored(STORAGE_KEYS.lang) === 'en') loadPart('en', 'common').catch(() => undefined);

const waiting = new Map<string, Promise<void>>();

/**
 * Nothing when the shared part and the given parts are loaded in this language; otherwise one promise of them
 * (the same promise for the same request, as React's `use` wants), which starts loading what is missing.
 */
export function partsReady(lang: Lang, parts: readonly PartName[]): Promise<void> | undefined {
  const missing = (['common', ...parts] as Loaded[]).filter((p) => !loaded[lang].has(p));
  if (missing.length === 0) return undefined;
  const id = `${lang}:${missing.join('+')}`;
  let p = waiting.get(id);
  if (!p) {
    p = Promise.all(missing.map((part) => loadPart(lang, part))).then(() => undefined);
    const settled = () => waiting.delete(id);
    p.then(settled, settled);
    waiting.set(id, p);
  }
  return p;
}

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

interface I18nValue {
  lang: Lang;
  /** switches once the new language's text for everything loaded so far has arrived */
  setLang: (lang: Lang) => void;
  t: Translate;
  /** whether a key built at run time (e.g. `figure.${name}`) has text */
  has: (key: string) => key is MessageKey;
  /** Ant Design's own words (pagination, pickers …) in the same language */
  antdLocale: AntdLocale;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  return readStored(STORAGE_KEYS.lang) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // English remembered from an earlier visit: its shared part is fetched before anything is shown
  const [commonReady, setCommonReady] = useState(() => partsReady(lang, []) === undefined);
  useEffect(() => {
    const p = partsReady(lang, []);
    if (!p) return setCommonReady(true);
    p.then(
      () => setCommonReady(true),
      () => setLangState('zh-CN'),
    );
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    writeStored(STORAGE_KEYS.lang, l);
    const inUse = new Set<PartName>();
    for (const set of Object.values(loaded)) for (const p of set) if (p !== 'common') inUse.add(p);
    const ready = partsReady(l, [...inUse]);
    if (!ready) return setLangState(l);
    // until the text arrives the page stays whole in the language it is in; if it never arrives, it stays so
    ready.then(
      () => setLangState(l),
      () => undefined,
    );
  }, []);
  const t = useCallback<Translate>(
    (key, params) => {
      const text = dictionaries[lang][key];
      if (text === undefined) {
        // a component used a key of a part its page does not load (pages/lazyPage.tsx names the parts)
        console.error(`ecociv: message "${key}" is not loaded (${lang})`);
        return key;
      }
      return interpolate(text, params);
    },
    [lang],
  );
  const has = useCallback((key: string): key is MessageKey => key in dictionaries[lang], [lang]);
  useEffect(() => {
    if (!commonReady) return;
    document.documentElement.lang = lang;
    document.title = dictionaries[lang]['app.documentTitle'] ?? document.title;
  }, [lang, commonReady]);
  const value = useMemo(() => ({ lang, setLang, t, has, antdLocale: antdLocales[lang] }), [lang, setLang, t, has, commonReady]);
  if (!commonReady) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
