// User names people cannot be fooled by: NFKC-normalised (full-width ａｄｍｉｎ is admin), one script
// (Cyrillic а inside a Latin name is refused; Chinese may be written with Latin letters, as UTS #39's
// "highly restrictive" level allows), and unique on a skeleton that folds case and maps the common
// Cyrillic, Greek and digit look-alikes to the Latin letters they imitate. Pure functions, no I/O.

/** Cyrillic and Greek letters (both cases) and digits that look like a Latin letter. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', А: 'A', в: 'B', В: 'B', е: 'e', Е: 'E', ё: 'e', Ё: 'E', з: '3', З: '3', и: 'u', к: 'k', К: 'K', м: 'M', М: 'M', н: 'H', Н: 'H',
  о: 'o', О: 'O', п: 'n', р: 'p', Р: 'P', с: 'c', С: 'C', т: 'T', Т: 'T', у: 'y', У: 'Y', х: 'x', Х: 'X', ь: 'b', Ь: 'b', і: 'i', І: 'I',
  ї: 'i', Ї: 'I', ј: 'j', Ј: 'J', ѕ: 's', Ѕ: 'S', ԁ: 'd', ԛ: 'q', ԝ: 'w', Ԝ: 'W', һ: 'h', Һ: 'h', ӏ: 'l', Ӏ: 'l', ɡ: 'g',
  // Greek
  α: 'a', Α: 'A', β: 'B', Β: 'B', ε: 'e', Ε: 'E', η: 'n', Η: 'H', ι: 'i', Ι: 'I', κ: 'k', Κ: 'K', μ: 'u', Μ: 'M', ν: 'v', Ν: 'N',
  ο: 'o', Ο: 'O', ρ: 'p', Ρ: 'P', τ: 't', Τ: 'T', υ: 'u', Υ: 'Y', χ: 'x', Χ: 'X', ζ: 'Z', Ζ: 'Z', ω: 'w',
  // Latin and digits that stand in for each other
  I: 'l', '1': 'l', '0': 'o', ı: 'i',
};

/** The scripts a user name may combine with Han (UTS #39 "highly restrictive"); any other mix is refused. */
const WITH_HAN = new Set(['Latin', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul']);
const SCRIPTS = ['Latin', 'Han', 'Cyrillic', 'Greek', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul', 'Arabic', 'Hebrew', 'Armenian', 'Georgian', 'Thai', 'Devanagari', 'Tibetan', 'Mongolian'] as const;
const SCRIPT_RE = new Map(SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')]));

/** A user name as stored and looked up: NFKC, trimmed. */
export function normalizeUsername(name: unknown): string {
  return typeof name === 'string' ? name.normalize('NFKC').trim() : '';
}

/** The scripts of a name's letters, in a fixed order; 'Other' for a letter of a script not listed. */
export function scriptsOf(name: string): string[] {
  const letters = [...name].filter((ch) => /\p{L}/u.test(ch));
  const found = SCRIPTS.filter((s) => letters.some((ch) => SCRIPT_RE.get(s)!.test(ch)));
  return letters.some((ch) => !SCRIPTS.some((s) => SCRIPT_RE.get(s)!.test(ch))) ? [...found, 'Other'] : found;
}

/** True when the letters of a name come from scripts that may not be mixed. */
export function mixesScripts(name: string): boolean {
  const s = scriptsOf(name);
  return s.length > 1 && !s.every((x) => WITH_HAN.has(x));
}

/** What two names that look alike have in common: NFKC, look-alikes mapped to Latin, case folded. */
export function skeleton(name: string): string {
  return [...normalizeUsername(name)]
    .map((ch) => HOMOGLYPHS[ch] ?? ch)
    .join('')
    .toLowerCase()
    .normalize('NFKC');
}

/** The allowed shape of a (normalised) user name: 2–64 letters, ASCII digits, _ . @ - */
export const USERNAME_SHAPE = /^[\p{L}0-9_.@-]{2,64}$/u;
