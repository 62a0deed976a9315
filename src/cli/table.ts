// Plain-text tables that line up with Chinese text (wide characters take two columns).

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c === 0x2265 ||
      c === 0x2264;
    w += wide ? 2 : 1;
  }
  return w;
}

function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function renderTable(headers: string[], rows: Array<Array<string | number | null>>, maxWidths: number[] = []): string {
  const cells = rows.map((r) => r.map((c, i) => truncate(c === null ? '—' : String(c), maxWidths[i] ?? 60)));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, w: number, right: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
    return right ? fill + s : s + fill;
  };
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((r) => /^[-\d,.%—]+$/.test(r[i] ?? '')));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, numeric[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** 513306 → "513,306"; keeps up to four decimals as the plans print them. */
export function formatWan(n: number | null): string {
  if (n === null) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}
