// Arrow keys between the focusable rows (tr.ecociv-row) of one table body.
export type RowMove = 'next' | 'prev' | 'first' | 'last';

export function moveFocus(from: HTMLElement, to: RowMove): void {
  const body = from.closest('tbody');
  if (!body) return;
  const rows = Array.from(body.querySelectorAll<HTMLElement>('tr.ecociv-row'));
  const i = rows.indexOf(from);
  const target = to === 'first' ? rows[0] : to === 'last' ? rows[rows.length - 1] : rows[i + (to === 'next' ? 1 : -1)];
  target?.focus();
}

/** The move a key asks for, if any. */
export function rowMoveOf(key: string): RowMove | undefined {
  return key === 'ArrowDown' ? 'next' : key === 'ArrowUp' ? 'prev' : key === 'Home' ? 'first' : key === 'End' ? 'last' : undefined;
}

/**
 * Props for a table row that opens something: focusable, labelled, Enter or Space (or a click) opens, arrow
 * keys, Home and End move between rows. Keys pressed inside the row's own controls are left to them.
 */
export function openableRow(label: string, open: (row: HTMLElement) => void): {
  tabIndex: number;
  'aria-label': string;
  onClick: (e: { currentTarget: HTMLElement }) => void;
  onKeyDown: (e: { key: string; target: EventTarget; currentTarget: HTMLElement; preventDefault: () => void }) => void;
} {
  return {
    tabIndex: 0,
    'aria-label': label,
    onClick: (e) => open(e.currentTarget),
    onKeyDown: (e) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(e.currentTarget);
        return;
      }
      const move = rowMoveOf(e.key);
      if (move) {
        e.preventDefault();
        moveFocus(e.currentTarget, move);
      }
    },
  };
}
