// The HJ 212 wire protocol of online pollution-source monitoring, as pure functions (no I/O): the standard's
// CRC, a framer that cuts packets out of a TCP byte stream, the check of one packet (`ecociv hj212 check`, and
// the gateway with the same default strictness), the typed packet, and the replies the Flag asks for.
//
// What was read, and what is not known:
// - HJ 212-2017 《污染物在线监控（监测）系统数据传输标准》, read through excerpts and transcriptions of its text
//   (the clause numbers below are those the transcriptions give; where only the table is known, the table is
//   cited): 表2 the communication packet ("##", a 4-digit decimal data-segment length, the data segment of at
//   most 1024 characters, a 4-hex-digit CRC, CR LF); §6.5 表3 the data segment (QN 20, ST 5, CN 7, PW 9, MN 27,
//   Flag 8, PNUM 9, PNO 8, CP 0–950 characters, each length counting its "XX=" name) and its Flag row (V5–V0 the
//   standard's version: 000000 HJ/T 212-2005, 000001 this edition; D: PNUM and PNO present; A: the command wants
//   an answer); §6.6.1 表5 系统编码 ST (two characters 0–9, A–Z); §6.6.2 表6 执行结果 ExeRtn; §6.6.3 表7 请求命令
//   返回 QnRtn; §6.6.4 表8 数据标记; §6.6.5 表9 命令编码 CN (4 digits); 附录 A the CRC (its steps: the register
//   XOR the byte into the high byte's place, 8 shifts with 0xA001, the CRC stored high byte first); 附录 C the
//   examples (the example packet ##0101…&&1C80 is right; the sentence after it prints 1C08). Also
//   /work/shared/docs/standards.md.
// - HJ/T 212-2005: the same frame and CRC; QN and Flag often absent in what its devices send (and its data
//   segment fields were shorter: PW 6, MN 14, CP 0–960 characters with the name). Handled by the deviation
//   `noQnFlag`.
// - HJ 212-2025 《污染物自动监测监控系统数据传输技术要求》 replaced HJ 212-2017 on 2026-01-01. Its text was
//   NOT found: no difference of it is claimed or handled here. A packet whose Flag carries a version other
//   than 0 or 1 is parsed as HJ 212-2017 and its edition reported as unknown (`edition: null`).

/** The data segment's length limit of HJ 212-2017 表2 (at most 1024 characters). */
export const HJ212_MAX_DATA_LENGTH = 1024;
/** The largest length the 4-digit length field can declare: the hard bound even with `oversize` allowed. */
export const HJ212_LENGTH_FIELD_MAX = 9999;

/**
 * What a device in the field may do against the standard, which an operator may allow per device. Strict
 * (none allowed) by default; a packet accepted only because of an allowed deviation names it in `deviations`.
 * - `modbusCrc`: the check value is CRC-16/MODBUS (poly 0xA001 reflected, XOR of each byte into the low byte),
 *   printed high byte first or low byte first — not the standard's 附录 A algorithm.
 * - `noQnFlag`: no QN and/or no Flag field (as HJ/T 212-2005 devices send); no acknowledgement is then asked.
 * - `oversize`: a data segment longer than 1024 characters (up to the 4-digit field's 9999).
 * - `noCrLf`: the packet ends at its CRC, without the CR LF of 表2.
 * A lower-case CRC (1c80) is not a deviation: the standard prints the CRC as a hexadecimal integer and
 * standards.md asks that it be compared regardless of case.
 */
export type Deviation = 'modbusCrc' | 'noQnFlag' | 'oversize' | 'noCrLf';
export const DEVIATIONS: readonly Deviation[] = ['modbusCrc', 'noQnFlag', 'oversize', 'noCrLf'];
export type Deviations = ReadonlySet<Deviation> | readonly Deviation[];
export const isDeviation = (s: string): s is Deviation => (DEVIATIONS as readonly string[]).includes(s);
const allows = (d: Deviations | undefined, x: Deviation) => (d ? ('has' in d ? d.has(x) : d.includes(x)) : false);

// ---------------------------------------------------------------- CRC (附录 A)

/**
 * hj212Crc(bytes, start = 0, end = bytes.length): number — the CRC of HJ 212-2017 附录 A over bytes[start, end)
 * (the data segment): reg = 0xFFFF; for each byte, reg = (reg >> 8) ^ byte, then 8 times: shift right,
 * XOR 0xA001 when the bit shifted out was 1. Check value of the ASCII "123456789": 0x2F80. (Not CRC-16/MODBUS,
 * which XORs the byte into the low byte and gives 0x4B37.)
 * Because each step keeps only the high byte of the register, the result is one of just 256 values (the
 * table below): a packet corrupted at random passes the CRC about once in 256, so the length and field checks
 * matter as much as the CRC.
 */
export function hj212Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  // (reg >> 8) ^ byte has a zero high byte, so the 8 shifts depend on that one byte only: a table of 256
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = SHIFTED[(reg >>> 8) ^ bytes[i]!]!;
  return reg;
}

/** x shifted right 8 times, XOR 0xA001 at each 1 shifted out: the inner loop of both CRCs, for each byte value */
const SHIFTED = Uint16Array.from({ length: 256 }, (_, x) => {
  let r = x;
  for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1;
  return r;
});

/** modbusCrc(bytes, start, end): number — CRC-16/MODBUS (check value 0x4B37), the field's usual mistake. */
export function modbusCrc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = (reg >>> 8) ^ SHIFTED[(reg ^ bytes[i]!) & 0xff]!;
  return reg;
}

/** A CRC as the standard prints it: 4 upper-case hexadecimal digits. */
export const crcHex = (crc: number) => crc.toString(16).toUpperCase().padStart(4, '0');
const swapBytes = (x: number) => ((x & 0xff) << 8) | (x >>> 8);

// ---------------------------------------------------------------- codes (§6.6)

/** The system codes ST of §6.6.1 表5 (extensible); the catalogue's `hj212.st.<ST>` names each in Chinese. */
export const SYSTEM_CODES: Readonly<Record<string, string>> = {
  '21': 'surface water quality',
  '22': 'ambient air quality',
  '23': 'acoustic environment quality',
  '24': 'groundwater quality',
  '25': 'soil quality',
  '26': 'seawater quality',
  '27': 'volatile organic compounds',
  '31': 'air pollution source',
  '32': 'surface-water pollution source',
  '33': 'groundwater pollution source',
  '34': 'marine pollution source',
  '35': 'soil pollution source',
  '36': 'noise pollution source',
  '37': 'vibration pollution source',
  '38': 'radioactive pollution source',
  '39': 'construction-site dust',
  '41': 'electromagnetic pollution source',
  '51': 'flue-gas emission process',
  '52': 'waste-water discharge process',
  '91': 'system interaction (field device and platform)',
};

/** What kind of command a CN is (HJ 212-2017 §6.6.5 表9 命令编码) and who sends it. */
export type CommandKind = 'initialisation' | 'parameter' | 'data' | 'control' | 'interaction';
export interface CommandInfo {
  kind: CommandKind;
  /** English name; the Chinese name is the catalogue's `hj212.cn.<CN>` */
  name: string;
  /** a data upload from the field device, answered with 9014 when its Flag asks (A = 1) */
  upload?: boolean;
  /** a notification from the field device, answered with 9013 when its Flag asks */
  notice?: boolean;
}

/** The command codes HJ 212-2017 lists (§6.6.5 表9; the standard lets them be extended). */
export const COMMANDS: Readonly<Record<string, CommandInfo>> = {
  '1000': { kind: 'initialisation', name: 'set timeout and retries' },
  '1011': { kind: 'parameter', name: 'get field-device time' },
  '1012': { kind: 'parameter', name: 'set field-device time' },
  '1013': { kind: 'parameter', name: 'field-device time calibration request', notice: true },
  '1061': { kind: 'parameter', name: 'get real-time data interval' },
  '1062': { kind: 'parameter', name: 'set real-time data interval' },
  '1063': { kind: 'parameter', name: 'get minute data interval' },
  '1064': { kind: 'parameter', name: 'set minute data interval' },
  '1072': { kind: 'parameter', name: 'set field-device access password' },
  '2011': { kind: 'data', name: 'real-time data', upload: true },
  '2012': { kind: 'data', name: 'stop real-time data' },
  '2021': { kind: 'data', name: 'equipment running status', upload: true },
  '2022': { kind: 'data', name: 'stop equipment running status' },
  '2031': { kind: 'data', name: 'daily data', upload: true },
  '2041': { kind: 'data', name: 'equipment daily running time', upload: true },
  '2051': { kind: 'data', name: 'minute data', upload: true },
  '2061': { kind: 'data', name: 'hourly data', upload: true },
  '2081': { kind: 'data', name: 'data collector start-up time', upload: true },
  '3011': { kind: 'control', name: 'zero / span calibration' },
  '3012': { kind: 'control', name: 'immediate sampling' },
  '3013': { kind: 'control', name: 'cleaning / back-blowing' },
  '3014': { kind: 'control', name: 'comparison sampling' },
  '3015': { kind: 'control', name: 'sample kept on exceedance' },
  '3016': { kind: 'control', name: 'set sampling period' },
  '3017': { kind: 'control', name: 'get sampling period' },
  '3018': { kind: 'control', name: 'get sample output time' },
  '3019': { kind: 'control', name: 'get device unique identifier' },
  '3020': { kind: 'control', name: 'get field-device information' },
  '3021': { kind: 'control', name: 'set field-device parameters' },
  '9011': { kind: 'interaction', name: 'request reply' },
  '9012': { kind: 'interaction', name: 'execution result' },
  '9013': { kind: 'interaction', name: 'notice reply' },
  '9014': { kind: 'interaction', name: 'data reply' },
};

/** The data marks (§6.6.4 表8 数据标记, extensible) of `xxx-Flag`; the catalogue's `hj212.mark.<letter>` says each in words. */
export const DATA_MARKS = {
  N: 'instrument working normally',
  F: 'instrument stopped',
  M: 'instrument under maintenance',
  S: 'value set by hand',
  D: 'instrument fault',
  C: 'instrument calibrating',
  T: 'value above the instrument’s measuring range',
  B: 'communication between instrument and data collector broken',
} as const;
export type DataMark = keyof typeof DATA_MARKS;

/** 请求命令返回 QnRtn of 9011 (§6.6.3 表7): 1 ready to execute, 2 refused, 3 wrong PW, 4 wrong MN, 5 wrong ST, 6 wrong Flag, 7 wrong QN, 8 wrong CN, 9 CRC error, 100 unknown. */
export type QnRtn = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 100;
/** 执行结果 ExeRtn of 9012 (§6.6.2 表6): 1 done, 2 failed (reason unknown), 3 condition wrong, 4 timeout, 5 busy, 6 fault, 100 no data. */
export type ExeRtn = 1 | 2 | 3 | 4 | 5 | 6 | 100;

/** The data commands whose CP must carry DataTime (表9's data commands; 附录 C examples). */
const NEEDS_DATATIME = new Set(['2011', '2021', '2031', '2041', '2051', '2061', '2081']);

// ---------------------------------------------------------------- framing

/** One thing the framer found in the stream. */
export type FrameEvent =
  /** a packet from "##" to its CRC (bytes: the CR LF left off); deviations: the framing deviations it needed */
  | { kind: 'packet'; bytes: Uint8Array; deviations: Deviation[] }
  /** bytes skipped while looking for "##"; sample: their first 32 bytes, printable, for a log */
  | { kind: 'garbage'; skipped: number; sample: string }
  /** a packet refused by its frame: its declared length above the limit, or no CR LF where it should end */
  | { kind: 'refused'; reason: 'oversize' | 'noCrLf'; declared: number; limit: number; sample: string }
  /** at end(): a packet begun and never finished */
  | { kind: 'truncated'; held: number; sample: string };

export interface FramerOptions {
  /** the largest data segment accepted; default 1024 (HJ 212-2017 表2) */
  maxDataLength?: number;
  /** deviations allowed for this connection's device: `oversize` (up to 9999), `noCrLf` */
  allow?: Deviations;
}

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;
const SAMPLE = 32;
const sampleOf = (b: Uint8Array, from: number, to: number) => {
  let s = '';
  for (let i = from; i < Math.min(to, from + SAMPLE); i++) s += b[i]! >= 0x20 && b[i]! < 0x7f ? String.fromCharCode(b[i]!) : '.';
  return s;
};

/**
 * class Hj212Framer — cuts packets out of a TCP byte stream: `push(chunk): FrameEvent[]` for each read,
 * `end(): FrameEvent[]` when the connection closes. Several packets in one read and one packet over several
 * reads give the same packets. Bytes before a "##" are skipped and reported; a declared length above the limit
 * is refused at its header and the framer resynchronises at the next "##" without holding what follows; a
 * packet without CR LF is refused (or passed with `noCrLf` allowed). It never holds more than one packet's
 * worth of bytes (`held` ≤ 6 + limit + 4 + 2), so a 10 MB line costs nothing.
 */
export class Hj212Framer {
  private buf = new Uint8Array(0);
  private garbage = 0;
  private garbageSample = '';
  /** with noCrLf allowed, a packet released at the end of a read: a CR / LF opening the next read is its own */
  private eatTerminator = false;
  readonly limit: number;
  private readonly noCrLf: boolean;

  constructor(o: FramerOptions = {}) {
    this.limit = allows(o.allow, 'oversize') ? HJ212_LENGTH_FIELD_MAX : Math.min(o.maxDataLength ?? HJ212_MAX_DATA_LENGTH, HJ212_LENGTH_FIELD_MAX);
    this.noCrLf = allows(o.allow, 'noCrLf');
  }

  /** bytes held waiting for the rest of a packet */
  get held(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    const events: FrameEvent[] = [];
    let b: Uint8Array;
    if (this.buf.length === 0) b = chunk;
    else {
      b = new Uint8Array(this.buf.length + chunk.length);
      b.set(this.buf);
      b.set(chunk, this.buf.length);
    }
    let pos = 0;
    if (this.eatTerminator && b.length > 0) {
      if (b[0] === CR) pos = b[1] === LF ? 2 : 1;
      else if (b[0] === LF) pos = 1;
      this.eatTerminator = pos === 1 && b[0] === CR && b.length === 1;
    }
    const n = b.length;
    for (;;) {
      // the next "##"
      let i = b.indexOf(HASH, pos);
      while (i >= 0 && i < n - 1 && b[i + 1] !== HASH) i = b.indexOf(HASH, i + 1);
      if (i < 0 || i >= n - 1) {
        // none: all skipped but a last '#', which may begin one
        const keep = n > pos && b[n - 1] === HASH ? 1 : 0;
        this.skip(b, pos, n - keep);
        pos = n - keep;
        break;
      }
      this.skip(b, pos, i);
      if (n - i < 6) {
        pos = i;
        break;
      }
      let declared = 0;
      let digits = true;
      for (let k = i + 2; k < i + 6; k++) {
        const c = b[k]!;
        if (c < 0x30 || c > 0x39) digits = false;
        declared = declared * 10 + c - 0x30;
      }
      if (!digits) {
        // "##" not followed by a length: not a header; look again from the second '#'
        this.skip(b, i, i + 1);
        pos = i + 1;
        continue;
      }
      if (declared > this.limit) {
        this.flushGarbage(events);
        events.push({ kind: 'refused', reason: 'oversize', declared, limit: this.limit, sample: sampleOf(b, i, n) });
        pos = i + 2; // what follows is skipped as garbage up to the next "##", never held
        continue;
      }
      const end = i + 6 + declared + 4; // just after the CRC
      if (n < end) {
        pos = i;
        break;
      }
      const crlf = n >= end + 2 ? b[end] === CR && b[end + 1] === LF : null;
      if (crlf === null && !this.noCrLf && !(n === end + 1 && b[end] !== CR)) {
        pos = i; // wait for the CR LF
        break;
      }
      if (crlf === true) {
        this.flushGarbage(events);
        events.push({ kind: 'packet', bytes: b.slice(i, end), deviations: [] });
        pos = end + 2;
        continue;
      }
      if (this.noCrLf) {
        this.flushGarbage(events);
        const next = n > end ? b[end] : undefined;
        // at the end of the read the terminator may still come: released now, marked only when seen missing
        const missing = next !== undefined && !(next === CR && (n === end + 1 || b[end + 1] === LF));
        events.push({ kind: 'packet', bytes: b.slice(i, end), deviations: missing ? ['noCrLf'] : [] });
        pos = end;
        if (next === CR || next === LF) pos = next === CR && b[end + 1] === LF ? end + 2 : end + 1;
        this.eatTerminator = n === end || (n === end + 1 && next === CR);
        continue;
      }
      this.flushGarbage(events);
      events.push({ kind: 'refused', reason: 'noCrLf', declared, limit: this.limit, sample: sampleOf(b, i, end) });
      pos = i + 2; // the declared length may be what is wrong: resynchronise inside it
    }
    this.buf = pos >= n ? new Uint8Array(0) : b.slice(pos);
    this.flushGarbage(events);
    return events;
  }

  /** The connection closed: a packet begun and not finished is reported. */
  end(): FrameEvent[] {
    const events: FrameEvent[] = [];
    this.flushGarbage(events);
    if (this.buf.length > 0) {
      if (this.buf.length === 1 && this.buf[0] === HASH) events.push({ kind: 'garbage', skipped: 1, sample: '#' });
      else events.push({ kind: 'truncated', held: this.buf.length, sample: sampleOf(this.buf, 0, this.buf.length) });
    }
    this.buf = new Uint8Array(0);
    this.eatTerminator = false;
    return events;
  }

  private skip(b: Uint8Array, from: number, to: number) {
    if (to <= from) return;
    if (this.garbage < SAMPLE) this.garbageSample += sampleOf(b, from, Math.min(to, from + SAMPLE - this.garbage));
    this.garbage += to - from;
  }

  private flushGarbage(events: FrameEvent[]) {
    if (this.garbage === 0) return;
    events.push({ kind: 'garbage', skipped: this.garbage, sample: this.garbageSample });
    this.garbage = 0;
    this.garbageSample = '';
  }
}

// ---------------------------------------------------------------- checking one packet

/** Why a packet is refused: the codes of `ecociv hj212 check --format json`'s `errors`. */
export type Hj212Error =
  /** not a packet: no "##", no 4-digit length, no 4-hex-digit CRC */
  | 'format'
  /** the declared length is not the data segment's */
  | 'length'
  /** the data segment is longer than 1024 characters */
  | 'oversize'
  /** the CRC is not the standard's CRC of the data segment */
  | 'crc'
  /** a field of the data segment (QN ST CN PW MN Flag PNUM PNO) missing, unknown or malformed */
  | 'field'
  /** the command parameters CP malformed: not "CP=&&…&&", an item without "=", a value not a number, no DataTime */
  | 'cp';

/** The result of checking one packet: the contract of `ecociv hj212 check --format json` (without `line`). */
export interface PacketCheck {
  ok: boolean;
  /** each kind of problem once, in the order found */
  errors: Hj212Error[];
  /** every problem, as a catalogue message (`hj212.problem.*`) naming the value and what was expected */
  problems: Array<{ error: Hj212Error; key: string; params: Record<string, string | number> }>;
  /** the allowed deviations this packet needed to pass */
  deviations: Deviation[];
  crc: { given: string | null; computed: string | null };
  length: { declared: number | null; actual: number | null };
  fields: { QN: string | null; ST: string | null; CN: string | null; PW: string | null; MN: string | null; Flag: string | null; PNUM?: string | null; PNO?: string | null };
  /** CP's items as sent: "a34004-Rtd" → "12.3"; null when the packet has no readable CP */
  cp: Record<string, string> | null;
}

/** The Flag field's bits (表3, Flag): version V5–V0, D (PNUM/PNO present), A (an answer is wanted). */
export interface Hj212Flag {
  value: number;
  /** V5–V0: 0 HJ/T 212-2005, 1 HJ 212-2017; others not known (HJ 212-2025's is not read) */
  version: number;
  edition: 'HJ/T 212-2005' | 'HJ 212-2017' | null;
  /** D: the packet is one of a split message and carries PNUM and PNO */
  split: boolean;
  /** A: the sender wants an answer (9011/9013/9014) */
  ackWanted: boolean;
}

/** One pollutant's or monitoring factor's values in CP (表3 CP, 附录 C): "a34004-Rtd=12.3,a34004-Flag=N". */
export interface PollutantValues {
  /** real-time value (2011) */
  rtd?: number;
  /** mean, minimum, maximum, cumulative amount of the period (2051 minute, 2061 hourly, 2031 daily) */
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  /** the same converted to the reference oxygen content (折算) */
  zsRtd?: number;
  zsAvg?: number;
  zsMin?: number;
  zsMax?: number;
  /** the data mark (N F M S D C T B: DATA_MARKS) */
  flag?: string;
  /** the equipment mark (EFlag), as sent */
  eFlag?: string;
  /** the sampling time (SampleTime), as sent */
  sampleTime?: string;
}

/** one numeric field of a pollutant, stored by its literal name (a computed name costs a keyed store each) */
function setValue(p: PollutantValues, field: string, x: number) {
  switch (field) {
    case 'Rtd': p.rtd = x; break;
    case 'Avg': p.avg = x; break;
    case 'Min': p.min = x; break;
    case 'Max': p.max = x; break;
    case 'Cou': p.cou = x; break;
    case 'ZsRtd': p.zsRtd = x; break;
    case 'ZsAvg': p.zsAvg = x; break;
    case 'ZsMin': p.zsMin = x; break;
    case 'ZsMax': p.zsMax = x; break;
  }
}

const pollutantOf = (m: Map<string, PollutantValues>, code: string) => {
  let p = m.get(code);
  if (!p) m.set(code, (p = {}));
  return p;
};
const devicesOf = (m: Map<string, { rs?: number; rt?: number }>, code: string) => {
  let d = m.get(code);
  if (!d) m.set(code, (d = {}));
  return d;
};

/** A packet read into its parts. `parsePacket` gives it even when the check failed (for the log): use check.ok. */
export interface Hj212Packet {
  qn: string | null;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  flag: Hj212Flag | null;
  pnum: number | null;
  pno: number | null;
  /** the command, when CN is one the standard lists */
  command: CommandInfo | null;
  /** CP's DataTime as sent (YYYYMMDDhhmmss, local time of the device) */
  dataTime: string | null;
  /** per pollutant code (a34004, w01018, …) */
  pollutants: Record<string, PollutantValues>;
  /** per equipment (SB1, …): running status RS (2021; 0 off, 1 running, 2 calibrating, 3 maintenance, 4 alarm, 5 back-blowing) and running time RT in hours (2041) */
  devices: Record<string, { rs?: number; rt?: number }>;
  /** the other items of CP: SystemTime, QnRtn, ExeRtn, RtdInterval, per-code fields not above, … */
  params: Record<string, string>;
  /** CP as sent */
  cp: Record<string, string>;
}

export interface CheckOptions {
  /** deviations allowed for this device (strict: none) */
  strictness?: Deviations;
  /** the data-segment limit; default 1024 */
  maxDataLength?: number;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const DIGITS = /^\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const HEADER_FIELDS = ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO'] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];
/** §6.5 表3: the largest value of each field, in characters (the table's lengths less "XX=") */
const FIELD_MAX: Record<HeaderField, number> = { QN: 17, ST: 2, CN: 4, PW: 6, MN: 24, Flag: 3, PNUM: 4, PNO: 4 };

/** "20160801085857223" (QN) or "20160801085857" (DataTime) as a real date and time */
function isTimestamp(s: string, ms: boolean): boolean {
  if (s.length !== (ms ? 17 : 14) || !DIGITS.test(s)) return false;
  const y = +s.slice(0, 4), mo = +s.slice(4, 6), d = +s.slice(6, 8), h = +s.slice(8, 10), mi = +s.slice(10, 12), se = +s.slice(12, 14);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * checkPacket(line: string | Uint8Array, opts?: { strictness?: Deviations }): PacketCheck — one packet as
 * received, from "##" to the CRC, with or without its CR LF: the frame (表2), the length, the CRC (附录 A),
 * the data segment's fields (§6.5 表3, §6.6) and CP. Strict by default.
 */
export function checkPacket(line: string | Uint8Array, opts: CheckOptions = {}): PacketCheck {
  return inspect(line, opts).check;
}

/** parsePacket(line, opts?): { check: PacketCheck; packet: Hj212Packet | null } — the check and the typed packet (null when its fields could not be read). */
export function parsePacket(line: string | Uint8Array, opts: CheckOptions = {}): { check: PacketCheck; packet: Hj212Packet | null } {
  return inspect(line, opts);
}

// module-level, not closures: a closure made at each packet costs (and tsx names each one it makes)
function problem(check: PacketCheck, error: Hj212Error, key: string, params: Record<string, string | number> = {}) {
  if (!check.errors.includes(error)) check.errors.push(error);
  check.problems.push({ error, key, params });
}

function done(check: PacketCheck, packet: Hj212Packet | null): { check: PacketCheck; packet: Hj212Packet | null } {
  check.ok = check.errors.length === 0;
  if (!check.ok) check.deviations = [];
  return { check, packet };
}

function inspect(line: string | Uint8Array, opts: CheckOptions): { check: PacketCheck; packet: Hj212Packet | null } {
  const allow = opts.strictness;
  const limit = allows(allow, 'oversize') ? HJ212_LENGTH_FIELD_MAX : (opts.maxDataLength ?? HJ212_MAX_DATA_LENGTH);
  const b = typeof line === 'string' ? encoder.encode(line) : line;
  let n = b.length;
  if (n > 0 && b[n - 1] === LF) n--;
  if (n > 0 && b[n - 1] === CR) n--;
  const check: PacketCheck = {
    ok: false,
    errors: [],
    problems: [],
    deviations: [],
    crc: { given: null, computed: null },
    length: { declared: null, actual: null },
    fields: { QN: null, ST: null, CN: null, PW: null, MN: null, Flag: null },
    cp: null,
  };

  // the frame: "##" + 4 digits + data + 4 hex digits (表2)
  if (n < 2 || b[0] !== HASH || b[1] !== HASH) {
    problem(check, 'format', 'hj212.problem.noHeader', { start: decoder.decode(b.subarray(0, Math.min(n, 12))) });
    return done(check, null);
  }
  const lengthText = decoder.decode(b.subarray(2, Math.min(n, 6)));
  if (n < 6 || !/^\d{4}$/.test(lengthText)) {
    problem(check, 'format', 'hj212.problem.lengthField', { value: lengthText });
    return done(check, null);
  }
  const declared = Number(lengthText);
  check.length.declared = declared;
  if (n < 10) {
    problem(check, 'format', 'hj212.problem.noCrc', {});
    return done(check, null);
  }
  const dataEnd = n - 4;
  const actual = dataEnd - 6;
  check.length.actual = actual;
  const given = decoder.decode(b.subarray(dataEnd, n));
  check.crc.given = given;
  const crc = hj212Crc(b, 6, dataEnd);
  check.crc.computed = crcHex(crc);
  if (declared !== actual) problem(check, 'length', 'hj212.problem.length', { declared, actual });
  if (Math.max(declared, actual) > limit) problem(check, 'oversize', 'hj212.problem.oversize', { actual: Math.max(declared, actual), limit });
  else if (Math.max(declared, actual) > HJ212_MAX_DATA_LENGTH) check.deviations.push('oversize');
  if (!HEX4.test(given)) problem(check, 'format', 'hj212.problem.crcNotHex', { given });
  else {
    const g = parseInt(given, 16);
    if (g !== crc) {
      const m = modbusCrc(b, 6, dataEnd);
      if (allows(allow, 'modbusCrc') && (g === m || g === swapBytes(m))) check.deviations.push('modbusCrc');
      else problem(check, 'crc', 'hj212.problem.crc', { given, computed: crcHex(crc) });
    }
  }

  // the data segment (§6.5 表3)
  const seg = decoder.decode(b.subarray(6, dataEnd));
  const cpAt = seg.indexOf('CP=&&');
  const head = cpAt < 0 ? seg : seg.slice(0, cpAt);
  const values: Partial<Record<HeaderField, string>> = {};
  for (const part of head.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (eq < 0 || !(HEADER_FIELDS as readonly string[]).includes(key)) {
      problem(check, 'field', 'hj212.problem.unknownField', { value: part.slice(0, 40) });
      continue;
    }
    const k = key as HeaderField;
    if (values[k] !== undefined) problem(check, 'field', 'hj212.problem.duplicateField', { field: k });
    values[k] = part.slice(eq + 1);
  }
  for (const k of ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag'] as const) check.fields[k] = values[k] ?? null;
  if (values.PNUM !== undefined || values.PNO !== undefined) {
    check.fields.PNUM = values.PNUM ?? null;
    check.fields.PNO = values.PNO ?? null;
  }
  for (const k of ['ST', 'CN', 'PW', 'MN'] as const) if (values[k] === undefined || values[k] === '') problem(check, 'field', 'hj212.problem.missingField', { field: k });
  for (const k of ['QN', 'Flag'] as const)
    if (values[k] === undefined) {
      if (allows(allow, 'noQnFlag')) {
        if (!check.deviations.includes('noQnFlag')) check.deviations.push('noQnFlag');
      } else problem(check, 'field', 'hj212.problem.missingQnFlag', { field: k });
    }
  for (const k of HEADER_FIELDS) {
    const v = values[k];
    if (v === undefined || v === '') continue;
    if (v.length > FIELD_MAX[k]) problem(check, 'field', 'hj212.problem.fieldTooLong', { field: k, value: v.slice(0, 40), max: FIELD_MAX[k] });
  }
  if (values.QN !== undefined && !isTimestamp(values.QN, true)) problem(check, 'field', 'hj212.problem.qn', { value: values.QN.slice(0, 40) });
  if (values.ST && !/^[0-9A-Z]{2}$/.test(values.ST)) problem(check, 'field', 'hj212.problem.st', { value: values.ST.slice(0, 40) });
  if (values.CN && !/^\d{4}$/.test(values.CN)) problem(check, 'field', 'hj212.problem.cn', { value: values.CN.slice(0, 40) });
  let flag: Hj212Flag | null = null;
  if (values.Flag !== undefined) {
    if (!/^\d{1,3}$/.test(values.Flag) || Number(values.Flag) > 255) problem(check, 'field', 'hj212.problem.flag', { value: values.Flag.slice(0, 40) });
    else {
      const value = Number(values.Flag);
      const version = value >> 2;
      flag = { value, version, edition: version === 0 ? 'HJ/T 212-2005' : version === 1 ? 'HJ 212-2017' : null, split: (value & 2) !== 0, ackWanted: (value & 1) !== 0 };
    }
  }
  let pnum: number | null = null;
  let pno: number | null = null;
  // D = 1 with neither PNUM nor PNO is read as a whole packet: HJ 212-2017 附录 C's own 2011 example sends
  // Flag=7 (D = 1) without them. One of the two without the other is refused.
  const split = values.PNUM !== undefined || values.PNO !== undefined;
  if (split) {
    for (const k of ['PNUM', 'PNO'] as const) {
      const v = values[k];
      if (v === undefined) problem(check, 'field', 'hj212.problem.missingSplit', { field: k });
      else if (!/^\d{1,4}$/.test(v) || Number(v) < 1) problem(check, 'field', 'hj212.problem.packetNumber', { field: k, value: v.slice(0, 40) });
    }
    if (values.PNUM !== undefined && values.PNO !== undefined && /^\d{1,4}$/.test(values.PNUM) && /^\d{1,4}$/.test(values.PNO)) {
      pnum = Number(values.PNUM);
      pno = Number(values.PNO);
      if (pno > pnum) problem(check, 'field', 'hj212.problem.pnoAbovePnum', { pno, pnum });
    }
    if (flag && !flag.split) problem(check, 'field', 'hj212.problem.splitWithoutD', {});
  }

  // CP (表3): "CP=&&" items "&&"; items separated by ";" (one code each) and "," (fields of the same code)
  if (cpAt < 0) {
    problem(check, 'cp', 'hj212.problem.noCp', {});
    return done(check, null);
  }
  if (cpAt > 0 && seg[cpAt - 1] !== ';') problem(check, 'field', 'hj212.problem.unknownField', { value: head.slice(head.lastIndexOf(';') + 1).slice(0, 40) });
  const body = seg.slice(cpAt + 5);
  if (!body.endsWith('&&')) {
    problem(check, 'cp', 'hj212.problem.cpEnd', {});
    return done(check, null);
  }
  // read into Maps (a Map's key is hashed, an object's interned at each look-up) and made the contract's plain
  // objects once at the end
  const cp = new Map<string, string>();
  const pollutants = new Map<string, PollutantValues>();
  const devices = new Map<string, { rs?: number; rt?: number }>();
  const params: Record<string, string> = Object.create(null) as Record<string, string>; // "__proto__" is a name like any other
  let dataTime: string | null = null;
  const inner = body.slice(0, -2);
  if (inner !== '')
    for (const group of inner.split(';'))
      for (const item of group.split(',')) {
        if (item === '') continue;
        const eq = item.indexOf('=');
        if (eq <= 0) {
          problem(check, 'cp', 'hj212.problem.cpItem', { value: item.slice(0, 40) });
          continue;
        }
        const key = item.slice(0, eq);
        const value = item.slice(eq + 1);
        if (cp.has(key)) problem(check, 'cp', 'hj212.problem.cpDuplicate', { key: key.slice(0, 40) });
        cp.set(key, value);
        const dash = key.lastIndexOf('-');
        if (dash <= 0) {
          if (key === 'DataTime') {
            dataTime = value;
            if (!isTimestamp(value, false)) problem(check, 'cp', 'hj212.problem.dataTime', { value: value.slice(0, 40) });
          } else params[key] = value;
          continue;
        }
        const code = key.slice(0, dash);
        const field = key.slice(dash + 1);
        switch (field) {
          case 'Rtd':
          case 'Avg':
          case 'Min':
          case 'Max':
          case 'Cou':
          case 'ZsRtd':
          case 'ZsAvg':
          case 'ZsMin':
          case 'ZsMax':
          case 'RT': {
            if (!NUMBER.test(value)) {
              problem(check, 'cp', 'hj212.problem.cpNumber', { key: key.slice(0, 40), value: value.slice(0, 40) });
              break;
            }
            const x = Number(value);
            if (field === 'RT') devicesOf(devices, code).rt = x;
            else setValue(pollutantOf(pollutants, code), field, x);
            break;
          }
          case 'RS':
            if (!/^\d+$/.test(value)) problem(check, 'cp', 'hj212.problem.cpNumber', { key: key.slice(0, 40), value: value.slice(0, 40) });
            else devicesOf(devices, code).rs = Number(value);
            break;
          case 'Flag':
            pollutantOf(pollutants, code).flag = value;
            break;
          case 'EFlag':
            pollutantOf(pollutants, code).eFlag = value;
            break;
          case 'SampleTime':
            pollutantOf(pollutants, code).sampleTime = value;
            break;
          default:
            params[key] = value;
        }
      }
  const packet: Hj212Packet = {
    qn: values.QN ?? null,
    st: values.ST ?? '',
    cn: values.CN ?? '',
    pw: values.PW ?? '',
    mn: values.MN ?? '',
    flag,
    pnum,
    pno,
    command: COMMANDS[values.CN ?? ''] ?? null,
    dataTime,
    pollutants: Object.fromEntries(pollutants),
    devices: Object.fromEntries(devices),
    params,
    cp: Object.fromEntries(cp),
  };
  check.cp = packet.cp;
  if (NEEDS_DATATIME.has(packet.cn) && packet.dataTime === null) problem(check, 'cp', 'hj212.problem.noDataTime', { cn: packet.cn });
  return done(check, packet);
}

// ---------------------------------------------------------------- building packets and replies

/**
 * frame(dataSegment: string): string — "##" + length + data + CRC + CR LF (表2), the CRC by 附录 A over the
 * data segment's bytes (UTF-8; the standard's segments are ASCII).
 */
export function frame(dataSegment: string): string {
  const bytes = encoder.encode(dataSegment);
  return `##${String(bytes.length).padStart(4, '0')}${dataSegment}${crcHex(hj212Crc(bytes))}\r\n`;
}

/** A QN (YYYYMMDDhhmmsszzz) for a moment, in China Standard Time (UTC+8), the devices' clock. */
export function qnOf(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000);
  const p = (x: number, w = 2) => String(x).padStart(w, '0');
  return `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}${p(t.getUTCMilliseconds(), 3)}`;
}

/** The answer's Flag: this edition's version (V = 000001), no split, no answer wanted: 4 (as in 附录 C). */
const REPLY_FLAG = 4;
const replySegment = (p: Hj212Packet, now: Date, cn: string, cp: string) =>
  `QN=${p.qn ?? qnOf(now)};ST=91;CN=${cn};PW=${p.pw};MN=${p.mn};Flag=${REPLY_FLAG};CP=&&${cp}&&`;

/** dataReply(packet, now): string — 9014 数据应答 to a data upload (表9; 附录 C: "QN=…;ST=91;CN=9014;…;Flag=4;CP=&&&&"). */
export const dataReply = (p: Hj212Packet, now: Date) => frame(replySegment(p, now, '9014', ''));
/** noticeReply(packet, now): string — 9013 通知应答 to a notification. */
export const noticeReply = (p: Hj212Packet, now: Date) => frame(replySegment(p, now, '9013', ''));
/** requestReply(packet, now, qnRtn): string — 9011 请求应答: QnRtn 1 ready, 2 refused, 3 wrong PW, … 9 CRC, 100 unknown. */
export const requestReply = (p: Hj212Packet, now: Date, qnRtn: QnRtn) => frame(replySegment(p, now, '9011', `QnRtn=${qnRtn}`));
/** executionResult(packet, now, exeRtn): string — 9012 执行结果: ExeRtn 1 done, 2 failed, … 100 no data. */
export const executionResult = (p: Hj212Packet, now: Date, exeRtn: ExeRtn) => frame(replySegment(p, now, '9012', `ExeRtn=${exeRtn}`));

/**
 * replyFor(packet, now): string[] — what the platform sends back to an accepted packet, framed with its CRC and
 * CR LF: nothing unless the Flag's A bit asks (a packet without Flag asks nothing); a data upload (2011, 2021,
 * 2031, 2041, 2051, 2061, 2081) gets 9014 数据应答; the time-calibration request 1013 gets 9013 通知应答; a
 * request the platform does not serve (a device asking the platform to act) gets 9011 with QnRtn 2 (refused,
 * so no 9012 follows); a device's own reply (9011–9014) gets nothing. The reply keeps the packet's QN (it names
 * the exchange); a packet without QN gets one from `now`.
 */
export function replyFor(packet: Hj212Packet, now: Date): string[] {
  if (!packet.flag?.ackWanted) return [];
  const c = packet.command;
  if (c?.kind === 'interaction') return [];
  if (c?.upload) return [dataReply(packet, now)];
  if (c?.notice) return [noticeReply(packet, now)];
  return [requestReply(packet, now, 2)];
}
