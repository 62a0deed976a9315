// Text with every occurrence of the query marked (case-insensitive).
export function HighlightText({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLowerCase();
  if (q === '') return <>{text}</>;
  const parts: { s: string; hit: boolean }[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > from) parts.push({ s: text.slice(from, i), hit: false });
    parts.push({ s: text.slice(i, i + q.length), hit: true });
    from = i + q.length;
  }
  if (from < text.length) parts.push({ s: text.slice(from), hit: false });
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i} className="ecociv-mark">{p.s}</mark> : <span key={i}>{p.s}</span>))}
    </>
  );
}
