// A small XML reader for the parts of a .docx (document, footnotes, styles, numbering). Office parts
// need no DTD, so a document type declaration is refused rather than read: no entity but the five XML
// ones and numeric references is ever expanded (no "billion laughs", no external entity). Nesting and
// the number of elements are bounded before a tree is built past them, so a hostile part costs at most
// one pass over its text. Names keep their namespace (resolved from xmlns declarations), so a Word
// element is known by its namespace, whatever prefix the file gives it.
import { LIMITS } from '../../domain/limits.ts';
import { t } from '../../i18n/index.ts';
import { PlanDocumentError } from './errors.ts';

export interface XmlElement {
  /** namespace URI ("" when none) */
  ns: string;
  /** local name, e.g. "p", "tbl" */
  local: string;
  /** attributes by local name (a prefixed attribute and an unprefixed one of the same local name: the first wins) */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text with the five XML entities and numeric references replaced; anything else is a damaged part. */
function unescape(s: string, part: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]{0,10});/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw damaged(part);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[name];
    if (v === undefined) throw damaged(part);
    return v;
  });
}

const damaged = (part: string) => new PlanDocumentError(t('planDocument.damagedPart', { part }), 'damaged');

/** XML white space: space, tab, line feed, carriage return */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The element tree of one XML part. Throws PlanDocumentError when the part is not well-formed, declares a
 * document type, nests deeper than LIMITS.xmlDepth or holds more than LIMITS.xmlElements elements.
 */
export function parseXml(text: string, part: string): XmlElement {
  const root: XmlElement = { ns: '', local: '#document', attrs: {}, children: [] };
  const stack: Array<{ el: XmlElement; qname: string; scope: Map<string, string> }> = [{ el: root, qname: '', scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]) }];
  let elements = 0;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? n : lt;
      const raw = text.slice(i, end);
      if (stack.length > 1) top.el.children.push(unescape(raw, part));
      else if (raw.trim() !== '') throw damaged(part);
      if (lt < 0) break;
      i = lt;
      continue;
    }
    const c = text[lt + 1];
    if (c === '?') {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw damaged(part);
      i = end + 2;
    } else if (c === '!') {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) throw damaged(part);
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0 || stack.length === 1) throw damaged(part);
        top.el.children.push(text.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …> and any other declaration: never part of an Office document, and the way to entity attacks
        throw new PlanDocumentError(t('planDocument.doctype', { part }), 'damaged');
      }
    } else if (c === '/') {
      const end = text.indexOf('>', lt + 2);
      if (end < 0) throw damaged(part);
      const qname = text.slice(lt + 2, end).trim();
      if (stack.length === 1 || top.qname !== qname) throw damaged(part);
      stack.pop();
      i = end + 1;
    } else {
      // a start tag: its name, then attributes up to ">" or "/>"
      let j = lt + 1;
      for (let c = text.charCodeAt(j); j < n && !isSpace(c) && c !== 47 && c !== 62; c = text.charCodeAt(++j));
      const qname = text.slice(lt + 1, j);
      if (qname === '') throw damaged(part);
      const rawAttrs: Array<[string, string]> = [];
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j >= n) throw damaged(part);
        if (text[j] === '>') {
          j++;
          break;
        }
        if (text[j] === '/' && text[j + 1] === '>') {
          selfClosing = true;
          j += 2;
          break;
        }
        const eq = text.indexOf('=', j);
        if (eq < 0) throw damaged(part);
        const aname = text.slice(j, eq).trim();
        let q = eq + 1;
        while (q < n && isSpace(text.charCodeAt(q))) q++;
        const quote = text[q];
        if (aname === '' || /[\s<>]/.test(aname) || (quote !== '"' && quote !== "'")) throw damaged(part);
        const close = text.indexOf(quote, q + 1);
        if (close < 0) throw damaged(part);
        const value = text.slice(q + 1, close);
        if (value.includes('<')) throw damaged(part);
        rawAttrs.push([aname, unescape(value, part)]);
        j = close + 1;
      }
      if (++elements > LIMITS.xmlElements) throw new PlanDocumentError(t('planDocument.tooManyElements', { part, max: LIMITS.xmlElements.toLocaleString('en-US') }), 'tooLarge');
      if (stack.length > LIMITS.xmlDepth) throw new PlanDocumentError(t('planDocument.tooDeep', { part, max: LIMITS.xmlDepth }), 'tooDeep');
      let scope = top.scope;
      for (const [a, v] of rawAttrs) {
        if (a === 'xmlns' || a.startsWith('xmlns:')) {
          if (scope === top.scope) scope = new Map(scope);
          scope.set(a === 'xmlns' ? '' : a.slice(6), v);
        }
      }
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const attrs: Record<string, string> = {};
      for (const [a, v] of rawAttrs) {
        if (a === 'xmlns' || a.startsWith('xmlns:')) continue;
        const local = a.slice(a.indexOf(':') + 1);
        if (!(local in attrs)) attrs[local] = v;
      }
      const el: XmlElement = { ns: scope.get(prefix) ?? '', local: colon < 0 ? qname : qname.slice(colon + 1), attrs, children: [] };
      top.el.children.push(el);
      if (!selfClosing) stack.push({ el, qname, scope });
      i = j;
    }
  }
  if (stack.length !== 1) throw damaged(part);
  const first = root.children.find((x): x is XmlElement => typeof x !== 'string');
  if (!first) throw damaged(part);
  return first;
}

/** The child elements of `el` with this local name (and namespace, when given). */
export const childrenOf = (el: XmlElement, local: string, ns?: string): XmlElement[] =>
  el.children.filter((x): x is XmlElement => typeof x !== 'string' && x.local === local && (ns === undefined || x.ns === ns));

export const childOf = (el: XmlElement | undefined, local: string, ns?: string): XmlElement | undefined =>
  el?.children.find((x): x is XmlElement => typeof x !== 'string' && x.local === local && (ns === undefined || x.ns === ns));

/** All text directly and indirectly inside `el` (for simple parts such as a style's name). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}
