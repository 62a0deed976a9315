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
