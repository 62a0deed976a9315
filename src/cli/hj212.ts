// `ecociv hj212 check FILE [--format json] [--allow deviation,…]` (a public contract, issue #16): each line of
// FILE is one packet as received (from "##" to the CRC, with or without CR LF), checked by src/domain/hj212.ts
// with the gateway's default strictness (or the deviations allowed). JSON: an array, one object a line:
// { line, ok, errors, crc: { given, computed }, length: { declared, actual }, fields: { QN, ST, CN, PW, MN, Flag },
// cp } (+ deviations when an allowed one was used). Text: each packet's problems in words. Needs no store.
import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../domain/limits.ts';
import { DEVIATIONS, isDeviation, parsePacket, type Deviation, type PacketCheck } from '../domain/hj212.ts';
import { t, type Locale } from '../i18n/index.ts';
import { userPath, type CliIo } from './io.ts';

/** A refusal of the command line: no file, an unreadable file, an unknown deviation (exit 2 / 1). */
export class Hj212InputError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

export interface Hj212Options {
  format: 'table' | 'json';
  locale: Locale;
  /** --allow: comma-separated deviation names */
  allow?: string;
}

/** One object of `ecociv hj212 check --format json` (the contract). */
export type Hj212CheckRow = { line: number } & Pick<PacketCheck, 'ok' | 'errors' | 'crc' | 'length' | 'fields' | 'cp'> & { deviations?: Deviation[] };

/** Run `ecociv hj212 <sub> …`; the exit code: 0 every packet passes, 1 some do not. */
export function runHj212(io: CliIo, args: string[], o: Hj212Options): number {
  const [sub, file] = args;
  const L = o.locale;
  if (sub !== 'check') throw new Hj212InputError(`${sub ? t('hj212.error.unknownSub', { value: sub }, L) : t('hj212.error.noFile', {}, L)}\n\n${t('hj212.help', {}, L)}`, 2);
  if (!file) throw new Hj212InputError(`${t('hj212.error.noFile', {}, L)}\n\n${t('hj212.help', {}, L)}`, 2);
  const allowed: Deviation[] = [];
  for (const name of (o.allow ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isDeviation(name)) throw new Hj212InputError(t('hj212.error.unknownDeviation', { value: name, expected: DEVIATIONS.join(', ') }, L), 2);
    allowed.push(name);
  }
  let bytes: Buffer;
  try {
    const path = userPath(io, file);
    const size = statSync(path).size;
    if (size > LIMITS.calculatorFileBytes) throw new Hj212InputError(t('hj212.error.tooLarge', { file, mb: (size / 2 ** 20).toFixed(0), max: LIMITS.calculatorFileBytes / 2 ** 20 }, L), 1);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof Hj212InputError) throw e;
    throw new Hj212InputError(t('hj212.error.unreadable', { file, detail: (e as Error).message }, L), 2);
  }

  const rows: Array<Hj212CheckRow & { text: string }> = [];
  let line = 0;
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    line++;
    const packet = bytes.subarray(from, to); // the LF is the line's end; the packet's own CR, if any, is left to checkPacket
    from = to + 1;
    if (packet.every((c) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf)) continue; // blank (or a lone BOM)
    const { check, packet: p } = parsePacket(packet[0] === 0xef && packet[1] === 0xbb && packet[2] === 0xbf ? packet.subarray(3) : packet, { strictness: allowed });
    const row: Hj212CheckRow = { line, ok: check.ok, errors: check.errors, crc: check.crc, length: check.length, fields: check.fields, cp: check.cp };
    if (check.deviations.length > 0) row.deviations = check.deviations;
    let text: string;
    if (check.ok) {
      const command = p && t(`hj212.cn.${p.cn}`, {}, L) !== `hj212.cn.${p.cn}` ? `${p.cn} ${t(`hj212.cn.${p.cn}`, {}, L)}` : t('hj212.line.unknownCommand', { cn: p?.cn ?? '' }, L);
      const time = p?.dataTime && /^\d{14}$/.test(p.dataTime) ? t('hj212.line.time', { time: `${p.dataTime.slice(0, 4)}-${p.dataTime.slice(4, 6)}-${p.dataTime.slice(6, 8)} ${p.dataTime.slice(8, 10)}:${p.dataTime.slice(10, 12)}:${p.dataTime.slice(12, 14)}` }, L) : '';
      const what = t('hj212.line.what', { command, mn: p?.mn ?? '', time }, L);
      text =
        check.deviations.length > 0
          ? t('hj212.line.okWith', { line, what, deviations: check.deviations.map((d) => t(`hj212.deviation.${d}`, {}, L)).join(L === 'en' ? '; ' : '；') }, L)
          : t('hj212.line.ok', { line, what }, L);
    } else text = [t('hj212.line.bad', { line }, L), ...check.problems.map((x) => `  · ${t(x.key, x.params, L)}`)].join('\n');
    rows.push({ ...row, text });
  }
  const bad = rows.filter((r) => !r.ok).length;
  if (o.format === 'json') io.out(JSON.stringify(rows.map(({ text: _text, ...r }) => r), null, 2));
  else if (rows.length === 0) io.out(t('hj212.summary.empty', { file }, L));
  else io.out([t('hj212.summary', { file, count: rows.length, ok: rows.length - bad, bad }, L), ...rows.map((r) => r.text)].join('\n'));
  return bad > 0 ? 1 : 0;
}
