// A page loaded when first shown, its code and its text (the catalogue parts it names) fetched together; the
// nearest <Suspense> shows the loading state until both have arrived, in the language shown. Once both are
// there (e.g. fetched by preload while the plans were loading) the page renders at once, without suspending:
// React.lazy would suspend on its first render even then, and each suspension delays what follows.
import { use, type ComponentType } from 'react';
import { partsReady, useI18n, type Lang, type PartName } from '../i18n/index.tsx';

export type LazyPage<P> = ComponentType<P> & {
  /** start fetching the page's code and text (e.g. while the plans are still loading); idempotent */
  preload(lang: Lang): void;
};

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, parts: readonly PartName[]): LazyPage<P> {
  let Component: ComponentType<P> | undefined;
  let code: Promise<unknown> | undefined;
  const loadCode = () =>
    (code ??= load().then(
      (m) => void (Component = m.default),
      (e: unknown) => {
        code = undefined; // asked for again on the next render
        throw e;
      },
    ));
  // one promise per language for React's `use`, kept until it settles
  const waiting = new Map<Lang, Promise<unknown>>();
  const both = (lang: Lang) => {
    let p = waiting.get(lang);
    if (!p) {
      p = Promise.all([loadCode(), partsReady(lang, parts)]);
      const settled = () => waiting.delete(lang);
      p.then(settled, settled);
      waiting.set(lang, p);
    }
    return p;
  };
  function Page(props: P) {
    const { lang } = useI18n();
    if (!Component || partsReady(lang, parts)) use(both(lang));
    const Loaded = Component!;
    return <Loaded {...props} />;
  }
  // failures are not reported here: rendering the page asks again and shows them
  const preload = (lang: Lang) => void both(lang).catch(() => undefined);
  return Object.assign(Page, { preload });
}
