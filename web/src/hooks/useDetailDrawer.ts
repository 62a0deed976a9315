// Which row's detail panel is open: the key of what is shown (kept while the panel slides away), whether it
// is open, and the row that opened it (focused again after the panel has closed).
import { useCallback, useRef, useState } from 'react';

export interface DetailDrawerState<K> {
  selected: K | undefined;
  open: boolean;
  /** open the panel for a key; the row (or else the focused element) gets the focus back afterwards */
  show: (key: K, row?: HTMLElement) => void;
  close: () => void;
  afterClose: () => void;
}

export function useDetailDrawer<K>(): DetailDrawerState<K> {
  const [selected, setSelected] = useState<K | undefined>();
  const [open, setOpen] = useState(false);
  const from = useRef<HTMLElement | null>(null);
  const show = useCallback((key: K, row?: HTMLElement) => {
    from.current = row ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setSelected(key);
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => from.current?.focus(), []);
  return { selected, open, show, close, afterClose };
}
