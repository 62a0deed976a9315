// How fast the HJ 212 protocol layer reads packets on one core: a TCP-like stream of minute-data packets (8
// pollutants each, Avg/Min/Max/Cou/Flag, about 750 bytes) cut into 1,460-byte reads, framed by Hj212Framer and each
// packet checked and parsed by parsePacket (CRC, length, fields, CP) — beside, in the same run, a naive parser of
// the kind widely copied (split on CR LF, split on ";" and ",", no CRC, no length, no framing across reads).
//
//   npm run bench:hj212 [-- --packets 200000]
import { frame, Hj212Framer, parsePacket } from '../src/domain/hj212.ts';
import { fmt, reportFigures } from './figures.ts';

const argv = process.argv.slice(2);
const count = Number(argv[argv.indexOf('--packets') + 1] ?? NaN) || 100_000;
const AIM = 25_000; // packets/s: the gateway's aim is 5,000 packets/s stored; parsing them should take at most a fifth of a core

const POLLUTANTS = ['a34013', 'a21026', 'a21002', 'a19001', 'a01012', 'a01011', 'a01013', 'a01014'];
function minutePacket(i: number): string {
  const mn = `33010000${String(i % 5000).padStart(6, '0')}`;
  const minute = i % 60;
  const cp = POLLUTANTS.map((p, k) => {
    const v = ((i * 7 + k * 13) % 1000) / 10;
    return `${p}-Avg=${v.toFixed(2)},${p}-Min=${(v * 0.8).toFixed(2)},${p}-Max=${(v * 1.2).toFixed(2)},${p}-Cou=${(v * 3.5).toFixed(3)},${p}-Flag=N`;
  }).join(';');
  return frame(`QN=20261203${String(10 + (minute % 10)).padStart(2, '0')}${String(minute).padStart(2, '0')}00123;ST=32;CN=2051;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=202612031${minute % 10}${String(minute).padStart(2, '0')}00;${cp}&&`);
}

const distinct = Array.from({ length: 1000 }, (_, i) => minutePacket(i));
const streamText = Array.from({ length: count }, (_, i) => distinct[i % distinct.length]).join('');
const stream = new TextEncoder().encode(streamText);
const READ = 1460; // one TCP segment's payload
console.log(`${count} packets, ${(stream.length / 2 ** 20).toFixed(1)} MB, mean ${(stream.length / count).toFixed(0)} bytes a packet`);

function ours(): { packets: number; values: number } {
  const framer = new Hj212Framer();
  let packets = 0;
  let values = 0;
  for (let at = 0; at < stream.length; at += READ)
    for (const e of framer.push(stream.subarray(at, at + READ)))
      if (e.kind === 'packet') {
        const { check, packet } = parsePacket(e.bytes);
        if (!check.ok || !packet) throw new Error('a valid packet refused');
        packets++;
        values += Object.keys(packet.pollutants).length;
      }
  return { packets, values };
}

/** The naive way: the whole text at once, split on CR LF, ";" and ",": no CRC, no length, no framing across reads. */
function naive(): { packets: number; values: number } {
  let packets = 0;
  let values = 0;
  for (const line of streamText.split('\r\n')) {
    if (!line.startsWith('##')) continue;
    const data = line.slice(6, -4);
    const fields: Record<string, string> = {};
    const cpAt = data.indexOf('CP=&&');
    for (const kv of data.slice(0, cpAt).split(';')) {
      const m = /^(\w+)=(.*)$/.exec(kv);
      if (m) fields[m[1]!] = m[2]!;
    }
    const cp: Record<string, Record<string, number | string>> = {};
    for (const group of data.slice(cpAt + 5, -2).split(';'))
      for (const item of group.split(',')) {
        const m = /^([\w]+)-(\w+)=(.*)$/.exec(item);
        if (m) (cp[m[1]!] ??= {})[m[2]!] = m[2] === 'Flag' ? m[3]! : Number(m[3]);
      }
    packets++;
    values += Object.keys(cp).length;
  }
  return { packets, values };
}

function rate(f: () => { packets: number; values: number }): number {
  f(); // warm up
  let best = 0;
  for (let run = 0; run < 3; run++) {
    // the process's CPU time, not the wall clock: the machine is shared, and the figure is per second of one core
    const t0 = process.cpuUsage();
    const r = f();
    const used = process.cpuUsage(t0);
    const s = (used.user + used.system) / 1e6;
    if (r.packets !== count || r.values !== count * POLLUTANTS.length) throw new Error(`read ${r.packets} packets, ${r.values} values`);
    best = Math.max(best, r.packets / s);
  }
  return best;
}

const oursRate = rate(ours);
const naiveRate = rate(naive);
reportFigures('hj212', 'HJ 212 protocol layer (one core)', [
  {
    what: 'minute-data packets framed, checked (CRC, length, fields, CP) and parsed per second of one core',
    aim: `≥ ${fmt.perS(AIM, 'packets')}`,
    baseline: fmt.perS(naiveRate, 'packets'),
    value: fmt.perS(oursRate, 'packets'),
    met: oursRate >= AIM,
    note: `baseline: a naive split/regex parser without CRC, length or framing across reads; ${(stream.length / count).toFixed(0)}-byte packets in ${READ}-byte reads; process CPU time, best of 3`,
  },
  {
    what: 'bytes read per second by the framer and checker',
    aim: '—',
    baseline: `${((naiveRate * stream.length) / count / 2 ** 20).toFixed(0)} MB/s`,
    value: `${((oursRate * stream.length) / count / 2 ** 20).toFixed(0)} MB/s`,
    met: null,
  },
]);
