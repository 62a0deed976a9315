// The HJ 212 protocol layer as a gateway and `ecociv hj212 check` use it: the standard's CRC and its own example
// packets, framing across TCP reads (property tests), hostile streams, the named deviations, and the replies.
//
// Expected values come from the standard or from implementations other than ours: the check value 2F80 and the
// example ##0101…1C80 (HJ 212-2017, 附录 A / the example after 表2 — its prose prints 1C08, the packet 1C80);
// the 附录 C 2011 example with C0C1 and its 9014 reply with C241, and the HJ/T 212-2005-style packet with a9c1,
// as printed by independent open-source HJ 212 parsers' tests (hj-t212-parser; a C# parser's README for F441).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPacket,
  COMMANDS,
  DATA_MARKS,
  frame,
  Hj212Framer,
  hj212Crc,
  modbusCrc,
  parsePacket,
  qnOf,
  replyFor,
  requestReply,
  type FrameEvent,
} from '../../src/domain/hj212.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** HJ 212-2017, the example packet (设置实时数据间隔 1062) */
const EXAMPLE = '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n';
/** HJ 212-2017 附录 C, 上传污染物实时数据 2011 (its own typo "LA-td" kept) */
const REALTIME_SEGMENT =
  'QN=20160801085000001;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=7;CP=&&DataTime=20160801084000;a21005-Rtd=1.1,a21005-Flag=N;a21004-Rtd=112,a21004-Flag=N;a21026-Rtd=58,a21026-Flag=N;LA-td=50.1,LA-Flag=N;a34004-Rtd=207,a34004-Flag=N;a34002-Rtd=295,a34002-Flag=N;a01001-Rtd=12.6,a01001-Flag=N;a01002-Rtd=32,a01002-Flag=N;a01006-Rtd=101.02,a01006-Flag=N;a01007-Rtd=2.1,a01007-Flag=N;a01008-Rtd=120,a01008-Flag=N;a34001-Rtd=217,a34001-Flag=N;&&';
const REALTIME = `##0453${REALTIME_SEGMENT}C0C1\r\n`;
/** HJ/T 212-2005 style: no QN, no Flag; lower-case CRC */
const OLD_2005 =
  '##0178ST=32;CN=2011;PW=123456;MN=0873HHMZWSLH02;CP=&&DataTime=20160103133030;060-Rtd=3.0943,060-Flag=N;011-Rtd=18.0412,011-Flag=N;001-Rtd=8.2137,001-Flag=N;B01-Rtd=10.9890,B01-Flag=N&&a9c1\r\n';

describe('the CRC of HJ 212-2017 附录 A', () => {
  it('gives the check value 2F80 for "123456789", not CRC-16/MODBUS’s 4B37', () => {
    expect(hj212Crc(ascii('123456789'))).toBe(0x2f80);
    expect(modbusCrc(ascii('123456789'))).toBe(0x4b37);
  });

  it('is, for any bytes, the algorithm as 附录 A states it (reg = (reg >> 8) ^ byte, then 8 shifts with 0xA001)', () => {
    const stated = (bytes: Uint8Array) => {
      let reg = 0xffff;
      for (const b of bytes) {
        reg = (reg >> 8) ^ b;
        for (let k = 0; k < 8; k++) reg = reg & 1 ? (reg >> 1) ^ 0xa001 : reg >> 1;
      }
      return reg;
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => hj212Crc(bytes) === stated(bytes)));
  });

  it('takes only 256 values, as its step keeps only the register’s high byte (the examples’ CRCs among them)', () => {
    const last = new Set<number>();
    for (let x = 0; x < 256; x++) {
      let r = x;
      for (let k = 0; k < 8; k++) r = r & 1 ? (r >> 1) ^ 0xa001 : r >> 1;
      last.add(r);
    }
    expect(last.size).toBe(256);
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => last.has(hj212Crc(bytes))));
    for (const crc of [0x1c80, 0x2f80, 0xc241, 0xa9c1, 0xc0c1]) expect(last.has(crc)).toBe(true);
  });

  it('accepts the standard’s example packet (1C80) and refuses the CRC its prose misprints (1C08)', () => {
    const c = checkPacket(EXAMPLE);
    expect(c).toMatchObject({ ok: true, errors: [], crc: { given: '1C80', computed: '1C80' }, length: { declared: 101, actual: 101 } });
    expect(c.fields).toEqual({ QN: '20160801085857223', ST: '32', CN: '1062', PW: '100000', MN: '010000A8900016F000169DC0', Flag: '5' });
    expect(c.cp).toEqual({ RtdInterval: '30' });
    const misprint = checkPacket(EXAMPLE.replace('1C80', '1C08'));
    expect(misprint).toMatchObject({ ok: false, errors: ['crc'], crc: { given: '1C08', computed: '1C80' } });
    expect(checkPacket(EXAMPLE.replace('1C80', '1c80')).ok).toBe(true); // a hexadecimal integer: case does not matter
  });

  it('accepts 附录 C’s real-time data packet and reads every pollutant with its data mark', () => {
    const { check, packet } = parsePacket(REALTIME);
    expect(check.ok).toBe(true);
    expect(packet).toMatchObject({ qn: '20160801085000001', st: '22', cn: '2011', mn: '010000A8900016F000169DC0', dataTime: '20160801084000' });
    expect(packet!.flag).toEqual({ value: 7, version: 1, edition: 'HJ 212-2017', split: true, ackWanted: true });
    expect(packet!.command?.kind).toBe('data');
    expect(Object.keys(packet!.pollutants)).toHaveLength(12);
    expect(packet!.pollutants.a34004).toEqual({ rtd: 207, flag: 'N' });
    expect(packet!.pollutants.a01006).toEqual({ rtd: 101.02, flag: 'N' });
    expect(packet!.params['LA-td']).toBe('50.1'); // not a field the standard names: kept as sent
  });
});

describe('checkPacket', () => {
  it('never throws, whatever the line: random bytes, random text, a valid packet with bytes changed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 1200 }), fc.string({ maxLength: 300 }).map((x) => ascii(x))), (bytes) => {
        const c = checkPacket(bytes);
        expect(c.ok).toBe(c.errors.length === 0);
      }),
      { numRuns: 500 },
    );
    const valid = ascii(REALTIME);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 5 }), (changes) => {
        const b = valid.slice();
        for (const [at, v] of changes) b[at] = v;
        const c = parsePacket(b);
        if (c.check.ok) expect(c.packet).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('names a wrong length with both figures', () => {
    const c = checkPacket(EXAMPLE.replace('##0101', '##0100'));
    expect(c.errors).toEqual(['length']);
    expect(c.length).toEqual({ declared: 100, actual: 101 });
  });

  it('refuses what is not a packet without throwing', () => {
    expect(checkPacket('hello')).toMatchObject({ ok: false, errors: ['format'], crc: { given: null, computed: null } });
    expect(checkPacket('##01x1QN=1')).toMatchObject({ ok: false, errors: ['format'] });
    expect(checkPacket(EXAMPLE.replace('1C80', '1CZ0')).errors).toContain('format');
    expect(checkPacket('').ok).toBe(false);
  });

  it('checks the fields of 表3: a bad QN, a CN not of 4 digits, a missing MN, an MN longer than 24 characters', () => {
    const seg = (s: string) => frame(s);
    expect(checkPacket(seg('QN=20161301085857223;ST=32;CN=2011;PW=123456;MN=A;Flag=4;CP=&&DataTime=20160801084000&&')).errors).toEqual(['field']);
    expect(checkPacket(seg('QN=20160801085857223;ST=32;CN=211;PW=123456;MN=A;Flag=4;CP=&&&&')).problems[0]!.key).toBe('hj212.problem.cn');
    expect(checkPacket(seg('QN=20160801085857223;ST=32;CN=2011;PW=123456;Flag=4;CP=&&DataTime=20160801084000&&')).problems[0]).toMatchObject({ key: 'hj212.problem.missingField', params: { field: 'MN' } });
    expect(checkPacket(seg(`QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=${'A'.repeat(25)};Flag=4;CP=&&DataTime=20160801084000&&`)).problems[0]).toMatchObject({ key: 'hj212.problem.fieldTooLong', params: { field: 'MN', max: 24 } });
  });

  it('checks CP: a value that is not a number, a data upload without DataTime, a CP not closed by &&', () => {
    const base = 'QN=20160801085857223;ST=32;CN=2051;PW=123456;MN=A1;Flag=4;CP=&&';
    expect(checkPacket(frame(`${base}DataTime=20160801084000;w01018-Avg=abc&&`)).problems[0]).toMatchObject({ error: 'cp', params: { key: 'w01018-Avg', value: 'abc' } });
    expect(checkPacket(frame(`${base}w01018-Avg=1.5&&`)).problems[0]).toMatchObject({ key: 'hj212.problem.noDataTime' });
    expect(checkPacket(frame(`${base}DataTime=20160801084000`)).errors).toEqual(['cp']);
  });

  it('reads split packets (PNUM, PNO) and refuses a packet number above the count', () => {
    const ok = parsePacket(frame('QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=A1;Flag=7;PNUM=3;PNO=2;CP=&&DataTime=20160801080000;w01018-Avg=12.5,w01018-Min=10,w01018-Max=15,w01018-Cou=3.2,w01018-Flag=N&&'));
    expect(ok.check.ok).toBe(true);
    expect(ok.check.fields).toMatchObject({ PNUM: '3', PNO: '2' });
    expect(ok.packet).toMatchObject({ pnum: 3, pno: 2, pollutants: { w01018: { avg: 12.5, min: 10, max: 15, cou: 3.2, flag: 'N' } } });
    expect(checkPacket(frame('QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=A1;Flag=7;PNUM=3;PNO=4;CP=&&DataTime=20160801080000&&')).problems[0]!.key).toBe('hj212.problem.pnoAbovePnum');
    expect(checkPacket(frame('QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=A1;Flag=7;PNUM=3;CP=&&DataTime=20160801080000&&')).problems[0]).toMatchObject({ key: 'hj212.problem.missingSplit', params: { field: 'PNO' } });
  });

  it('keeps a CP name like __proto__ as a name, touching no prototype', () => {
    const p = parsePacket(frame('QN=20160801085857223;ST=32;CN=1062;PW=123456;MN=A1;Flag=4;CP=&&__proto__=1;constructor=2;x-__proto__=3&&')).packet!;
    expect(p.params.__proto__).toBe('1');
    expect(Object.keys(p.cp)).toEqual(['__proto__', 'constructor', 'x-__proto__']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('reads equipment running status (2021) and running time (2041)', () => {
    const p = parsePacket(frame('QN=20160801085857223;ST=32;CN=2021;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20160801080000;SB1-RS=1;SB2-RS=4&&')).packet!;
    expect(p.devices).toEqual({ SB1: { rs: 1 }, SB2: { rs: 4 } });
    const q = parsePacket(frame('QN=20160801085857223;ST=32;CN=2041;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20160801000000;SB1-RT=23.5&&')).packet!;
    expect(q.devices).toEqual({ SB1: { rt: 23.5 } });
  });

  it('refuses an HJ/T 212-2005 packet (no QN, no Flag) strictly and accepts it with noQnFlag, saying so', () => {
    const strict = checkPacket(OLD_2005);
    expect(strict.ok).toBe(false);
    expect(strict.errors).toEqual(['field']);
    expect(strict.crc).toEqual({ given: 'a9c1', computed: 'A9C1' });
    const allowed = parsePacket(OLD_2005, { strictness: ['noQnFlag'] });
    expect(allowed.check).toMatchObject({ ok: true, deviations: ['noQnFlag'] });
    expect(allowed.packet).toMatchObject({ qn: null, flag: null, pollutants: { B01: { rtd: 10.989, flag: 'N' } } });
    expect(replyFor(allowed.packet!, new Date())).toEqual([]); // no Flag: no answer asked
  });

  it('refuses a CRC-16/MODBUS packet strictly and accepts it, in either byte order, with modbusCrc', () => {
    const seg = 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';
    const m = modbusCrc(ascii(seg));
    const hi = m.toString(16).toUpperCase().padStart(4, '0');
    const lo = (((m & 0xff) << 8) | (m >> 8)).toString(16).toUpperCase().padStart(4, '0');
    for (const crc of [hi, lo]) {
      const packet = `##0101${seg}${crc}\r\n`;
      expect(checkPacket(packet)).toMatchObject({ ok: false, errors: ['crc'], crc: { given: crc, computed: '1C80' } });
      expect(checkPacket(packet, { strictness: new Set(['modbusCrc'] as const) })).toMatchObject({ ok: true, deviations: ['modbusCrc'] });
    }
    // allowing the deviation does not let any wrong CRC through
    expect(checkPacket(`##0101${seg}0000`, { strictness: ['modbusCrc'] }).errors).toEqual(['crc']);
  });

  it('refuses a data segment over 1024 characters unless oversize is allowed', () => {
    const big = frame(`QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20160801080000;${Array.from({ length: 120 }, (_, i) => `a${String(i).padStart(5, '0')}-Rtd=1.5`).join(';')}&&`);
    const c = checkPacket(big);
    expect(c.errors).toEqual(['oversize']);
    expect(c.length.actual).toBeGreaterThan(1024);
    expect(checkPacket(big, { strictness: ['oversize'] })).toMatchObject({ ok: true, deviations: ['oversize'] });
  });

  it('names the data marks and commands of the standard', () => {
    expect(Object.keys(DATA_MARKS)).toEqual(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);
    expect(COMMANDS['2011']?.upload && COMMANDS['2051']?.upload && COMMANDS['2061']?.upload && COMMANDS['2031']?.upload).toBe(true);
    expect(['9011', '9012', '9013', '9014'].every((c) => COMMANDS[c]?.kind === 'interaction')).toBe(true);
  });
});

describe('replies as the Flag asks', () => {
  it('answers a data upload whose Flag has A = 1 with 9014, keeping its QN; the reply’s CRC verifies', () => {
    const p = parsePacket(REALTIME).packet!;
    const [reply, ...more] = replyFor(p, new Date('2026-12-03T08:00:00Z'));
    expect(more).toEqual([]);
    // 附录 C's 9014 reply to this packet, with the CRC an independent implementation prints
    expect(reply).toBe('##0087QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&C241\r\n');
    expect(checkPacket(reply!).ok).toBe(true);
  });

  it('asks nothing when A = 0, and answers a request the platform does not serve with 9011 QnRtn=2', () => {
    const noAck = parsePacket(frame('QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20160801084000;w01018-Rtd=1&&')).packet!;
    expect(replyFor(noAck, new Date())).toEqual([]);
    const request = parsePacket(EXAMPLE).packet!;
    const [r] = replyFor(request, new Date());
    expect(parsePacket(r!).check.ok).toBe(true);
    expect(parsePacket(r!).packet).toMatchObject({ cn: '9011', st: '91', qn: '20160801085857223', params: { QnRtn: '2' } });
    expect(parsePacket(requestReply(request, new Date(), 9)).packet!.params.QnRtn).toBe('9');
  });

  it('gives a packet without QN one from the time of the reply, in China Standard Time', () => {
    expect(qnOf(new Date('2026-12-03T16:30:05.123Z'))).toBe('20261204003005123');
  });
});

// ---------------------------------------------------------------- framing

const packets = (events: FrameEvent[]) => events.filter((e) => e.kind === 'packet').map((e) => text((e as { bytes: Uint8Array }).bytes));
const skipped = (events: FrameEvent[]) => events.reduce((s, e) => s + (e.kind === 'garbage' ? e.skipped : 0), 0);

/** A valid packet of random minute data. */
const arbPacket = fc
  .record({
    mn: fc.stringMatching(/^[0-9A-Z]{1,24}$/),
    values: fc.array(fc.tuple(fc.stringMatching(/^[a-w]\d{5}$/), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 0, maxLength: 30 }),
    ack: fc.boolean(),
  })
  .map(({ mn, values, ack }) => frame(`QN=20160801085857223;ST=32;CN=2051;PW=123456;MN=${mn};Flag=${ack ? 5 : 4};CP=&&DataTime=20160801084000${values.map(([c, v], i) => `;${c}${i}-Avg=${v.toFixed(3)}`).join('')}&&`));

/** Feed a stream to a framer cut at the given points. */
function feed(stream: Uint8Array, cuts: number[], framer = new Hj212Framer()): { events: FrameEvent[]; maxHeld: number } {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const events: FrameEvent[] = [];
  let from = 0;
  let maxHeld = 0;
  for (const p of [...points, stream.length]) {
    events.push(...framer.push(stream.subarray(from, p)));
    maxHeld = Math.max(maxHeld, framer.held);
    from = p;
  }
  events.push(...framer.end());
  return { events, maxHeld };
}

describe('Hj212Framer', () => {
  it('yields the same packets for any split of a stream of valid packets', () => {
    fc.assert(
      fc.property(fc.array(arbPacket, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 40 }), (list, cuts) => {
        const { events } = feed(ascii(list.join('')), cuts);
        expect(packets(events)).toEqual(list.map((p) => p.slice(0, -2)));
        expect(events.every((e) => e.kind === 'packet')).toBe(true);
        for (const p of packets(events)) expect(checkPacket(p).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('skips garbage between packets and reports every skipped byte', () => {
    const garbage = fc.stringMatching(/^[^#]{0,60}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(garbage, arbPacket), { minLength: 1, maxLength: 6 }), garbage, fc.array(fc.nat(), { maxLength: 30 }), (pairs, tail, cuts) => {
        const stream = ascii(pairs.map(([g, p]) => g + p).join('') + tail);
        const { events } = feed(stream, cuts);
        expect(packets(events)).toEqual(pairs.map(([, p]) => p.slice(0, -2)));
        expect(skipped(events)).toBe(ascii(pairs.map(([g]) => g).join('') + tail).length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes and never holds more than one packet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const { maxHeld } = feed(bytes, cuts);
        expect(maxHeld).toBeLessThanOrEqual(6 + 1024 + 4 + 2);
      }),
      { numRuns: 300 },
    );
    // random bytes with headers sprinkled in
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('##'), fc.constant('##1000'), fc.constant('\r\n'), fc.stringMatching(/^[0-9#A&;=]{0,20}$/), arbPacket)), fc.array(fc.nat(), { maxLength: 20 }), (parts, cuts) => {
        const { maxHeld } = feed(ascii(parts.join('')), cuts);
        expect(maxHeld).toBeLessThanOrEqual(6 + 1024 + 4 + 2);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a 10 MB line without holding it, and frames the packet after it', () => {
    const framer = new Hj212Framer();
    const chunk = ascii('A'.repeat(64 * 1024));
    let maxHeld = 0;
    const events: FrameEvent[] = [];
    for (const start of [ascii('##9999'), ascii('##0100')]) {
      events.push(...framer.push(start));
      for (let i = 0; i < 160; i++) {
        events.push(...framer.push(chunk));
        maxHeld = Math.max(maxHeld, framer.held);
      }
    }
    // plain garbage without any "##"
    for (let i = 0; i < 160; i++) events.push(...framer.push(chunk));
    events.push(...framer.push(ascii(EXAMPLE)));
    expect(maxHeld).toBeLessThanOrEqual(1036);
    expect(events.find((e) => e.kind === 'refused')).toMatchObject({ reason: 'oversize', declared: 9999, limit: 1024 });
    expect(events.filter((e) => e.kind === 'refused').map((e) => (e as { reason: string }).reason)).toEqual(['oversize', 'noCrLf']);
    expect(packets(events)).toEqual([EXAMPLE.slice(0, -2)]);
    expect(skipped(events)).toBeGreaterThan(3 * 160 * 64 * 1024 - 200);
  });

  it('reports a packet without CR LF, and passes it with noCrLf allowed', () => {
    const bare = [EXAMPLE.slice(0, -2), REALTIME.slice(0, -2)];
    const strict = feed(ascii(bare.join('') + EXAMPLE), [50, 130]).events;
    expect(strict.filter((e) => e.kind === 'refused')).toMatchObject([
      { reason: 'noCrLf', declared: 101 },
      { reason: 'noCrLf', declared: 453 },
    ]);
    expect(packets(strict)).toEqual([EXAMPLE.slice(0, -2)]);

    const lenient = feed(ascii(bare.join('') + EXAMPLE), [50, 130], new Hj212Framer({ allow: ['noCrLf'] })).events;
    expect(packets(lenient)).toEqual([...bare, EXAMPLE.slice(0, -2)]);
    expect(lenient.filter((e) => e.kind === 'packet').map((e) => (e as { deviations: string[] }).deviations)).toEqual([['noCrLf'], ['noCrLf'], []]);
    expect(lenient.some((e) => e.kind === 'garbage')).toBe(false);
  });

  it('refuses a declared length above the limit at its header, or frames it with oversize allowed', () => {
    const big = frame(`QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20160801080000;${'a01001-Rtd=1.5;'.repeat(80)}a01002-Rtd=2&&`);
    expect(feed(ascii(big + EXAMPLE), [7]).events.filter((e) => e.kind !== 'garbage')).toMatchObject([{ kind: 'refused', reason: 'oversize' }, { kind: 'packet' }]);
    expect(packets(feed(ascii(big + EXAMPLE), [7], new Hj212Framer({ allow: ['oversize'] })).events)).toEqual([big.slice(0, -2), EXAMPLE.slice(0, -2)]);
  });

  it('takes a lower limit when configured', () => {
    const events = feed(ascii(EXAMPLE + REALTIME), [], new Hj212Framer({ maxDataLength: 200 })).events;
    expect(packets(events)).toEqual([EXAMPLE.slice(0, -2)]);
    expect(events.find((e) => e.kind === 'refused')).toMatchObject({ reason: 'oversize', declared: 453, limit: 200 });
  });

  it('frames a packet sent one byte at a time (a slow sender)', () => {
    const f = new Hj212Framer();
    const events = [...ascii(EXAMPLE + REALTIME)].flatMap((byte) => f.push(Uint8Array.of(byte)));
    expect(packets(events)).toEqual([EXAMPLE.slice(0, -2), REALTIME.slice(0, -2)]);
    expect(f.held).toBe(0);
  });

  it('reports a packet cut off by the end of the connection', () => {
    const f = new Hj212Framer();
    expect(f.push(ascii(EXAMPLE.slice(0, 40)))).toEqual([]);
    expect(f.end()).toMatchObject([{ kind: 'truncated', held: 40 }]);
  });
});
