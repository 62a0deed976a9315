// Shared by the gateway tests: a registry workbook of two enterprises and three devices, and a device that
// talks to the gateway over TCP.
import net from 'node:net';
import { frame, qnOf } from '../../src/domain/hj212.ts';
import { registryWorkbook, readRegistryWorkbook } from '../../src/exchange/sourcesWorkbook.ts';
import { cliActor } from '../../src/auth/roles.ts';
import type { Db } from '../../src/store/db.ts';
import { importRegistry } from '../../src/store/registry.ts';

export const PLAN = 'qianjiang-apeng-two-mountains';
export const PAPER_MILL = '91500114MA5U123456';
export const CEMENT = '91500114MA60BCDX1Y';
export const MN_WATER = '88888880000001';
export const MN_GAS = '88888880000002';
export const MN_OLD = '0500114000001';
export const PW = '123456';

export const REGISTRY_ROWS = {
  sources: [
    { name: '重庆某纸业有限公司', creditCode: PAPER_MILL, address: '黔江区正阳工业园区', township: '正阳街道', grid: '正阳第三网格', responsibleUnit: '黔江区生态环境局' },
    { name: '重庆某水泥有限公司', creditCode: CEMENT, township: '冯家街道', grid: '冯家第一网格', responsibleUnit: '黔江区生态环境局' },
  ],
  outlets: [
    { creditCode: PAPER_MILL, outletCode: 'DW001', outletName: '废水总排口', outletKind: '废水' },
    { creditCode: CEMENT, outletCode: 'DA001', outletName: '窑尾排气筒', outletKind: '废气' },
  ],
  devices: [
    { mn: MN_WATER, password: PW, creditCode: PAPER_MILL, outletCode: 'DW001', edition: 'HJ 212-2017' },
    { mn: MN_GAS, password: PW, creditCode: CEMENT, outletCode: 'DA001' },
    { mn: MN_OLD, password: '654321', creditCode: CEMENT, outletCode: 'DA001', edition: 'HJ/T 212-2005' },
  ],
  pollutants: [
    { creditCode: PAPER_MILL, outletCode: 'DW001', pollutantCode: 'w01018', pollutantName: '化学需氧量', limitValue: 80, unit: 'mg/L', averaging: '日', permitNumber: '91500114MA5U123456001P' },
    { creditCode: CEMENT, outletCode: 'DA001', pollutantCode: 'a34013', pollutantName: '颗粒物', limitValue: 10, unit: 'mg/m³', averaging: '小时', permitNumber: '91500114MA60BCDX1Y001P' },
  ],
};

/** The registry above imported into the plan's region. */
export async function registerDevices(db: Db): Promise<void> {
  const data = await registryWorkbook(REGISTRY_ROWS);
  await importRegistry(db, PLAN, await readRegistryWorkbook(data, '名录.xlsx'), '名录.xlsx', cliActor());
}

/** A DataTime (YYYYMMDDhhmmss, Beijing time) some minutes before now, on the minute. */
export function dataTime(minutesAgo: number, onHour = false): string {
  const t = qnOf(new Date(Date.now() - minutesAgo * 60_000)).slice(0, 12);
  return `${onHour ? `${t.slice(0, 10)}00` : t}00`;
}

let qnSeq = 0;
/** A unique QN (the reply names it) */
export function nextQn(): string {
  const base = qnOf(new Date()).slice(0, 14);
  return `${base}${String(qnSeq++ % 1000).padStart(3, '0')}`;
}

/** A data packet (HJ 212-2017 §6.5, 附录 C's shape) framed with the standard's CRC; Flag=5 asks for 9014. */
export function dataPacket(o: { mn: string; pw?: string; cn: string; time: string; cp: string; qn?: string; flag?: number | null; st?: string }): { text: string; qn: string } {
  const qn = o.qn ?? nextQn();
  const head = o.flag === null ? `ST=${o.st ?? '32'};CN=${o.cn};PW=${o.pw ?? PW};MN=${o.mn}` : `QN=${qn};ST=${o.st ?? '32'};CN=${o.cn};PW=${o.pw ?? PW};MN=${o.mn};Flag=${o.flag ?? 5}`;
  return { text: frame(`${head};CP=&&DataTime=${o.time};${o.cp}&&`), qn };
}

/** A device connected to the gateway: what it received, and whether the gateway closed it. */
export class Device {
  readonly socket: net.Socket;
  received = '';
  closed = false;
  private ready: Promise<void>;
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (d) => (this.received += d.toString('latin1')));
    this.socket.on('close', () => (this.closed = true));
    this.socket.on('error', () => undefined);
    this.ready = new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }
  async open(): Promise<this> {
    await this.ready;
    return this;
  }
  async send(text: string | Buffer, chunk = 0, pauseMs = 2): Promise<void> {
    const b = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    if (chunk <= 0) {
      this.socket.write(b);
      return;
    }
    for (let i = 0; i < b.length; i += chunk) {
      this.socket.write(b.subarray(i, i + chunk));
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
  /** the 9014 replies received, by QN */
  acks(): string[] {
    return [...this.received.matchAll(/QN=(\d+);ST=91;CN=9014;/g)].map((m) => m[1]!);
  }
  close(): void {
    this.socket.destroy();
  }
}

/** Wait until cond() holds (or fail after ms). */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
