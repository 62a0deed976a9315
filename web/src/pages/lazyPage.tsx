// A page loaded when first shown, its code and its text (the catalogue parts it names) fetched together; the
// nearest <Suspense> shows the loading state until both have arrived, in the language shown.
import { lazy, use, type ComponentType } from 'react';
import { partsReady, useI18n, type Lang, type PartName } from '../i18n/index.tsx';

export type LazyPage<P> = ComponentType<P> & {
  /** start fetching the page's code and text (e.g. while the plans are still loading); idempotent */
  preload(lang: Lang): void;
};

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, parts: readonly PartName[]): LazyPage<P> {
  let code: ReturnType<typeof load> | undefined;
  const loadCode = () => (code ??= load());
  const Code = lazy(loadCode);
  function Page(props: P) {
    const { lang } = useI18n();
    const text = partsReady(lang, parts);
    if (text) {
      // the code is asked for at the same moment as the text, not after it
      void loadCode();
      use(text);
    }
    return <Code {...props} />;
  }
  const preload = (lang: Lang) => {
    // failures are not reported here: rendering the page asks again and shows them
    loadCode().catch(() => undefined);
    partsReady(lang, parts)?.catch(() => undefined);
  };
  return Object.assign(Page, { preload });
}
