// Formatting messages in a locale. Nested messages travel as "key|json" strings (see domain/assess.ts).
import type { Message } from '../domain/types.ts';
import { accessEn } from './access.en.ts';
import { accessZhCN } from './access.zh-CN.ts';
import { alarmsEn } from './alarms.en.ts';
import { alarmsZhCN } from './alarms.zh-CN.ts';
import { accountsEn } from './accounts.en.ts';
import { accountsZhCN } from './accounts.zh-CN.ts';
import { backupEn } from './backup.en.ts';
import { backupZhCN } from './backup.zh-CN.ts';
import { cliEn } from './cli.en.ts';
import { cliZhCN } from './cli.zh-CN.ts';
import { dataEn } from './data.en.ts';
import { dataZhCN } from './data.zh-CN.ts';
import { embeddedEn } from './embedded.en.ts';
import { embeddedZhCN } from './embedded.zh-CN.ts';
import { en } from './en.ts';
import { entryEn } from './entry.en.ts';
import { entryZhCN } from './entry.zh-CN.ts';
import { planDocumentEn } from './planDocument.en.ts';
import { planDocumentZhCN } from './planDocument.zh-CN.ts';
import { planIndicatorsEn } from './planIndicators.en.ts';
import { planIndicatorsZhCN } from './planIndicators.zh-CN.ts';
import { planContentEn } from './planContent.en.ts';
import { planContentZhCN } from './planContent.zh-CN.ts';
import { planImportEn } from './planImport.en.ts';
import { planImportZhCN } from './planImport.zh-CN.ts';
import { gepEn } from './gep.en.ts';
import { gepZhCN } from './gep.zh-CN.ts';
import { gatewayEn } from './gateway.en.ts';
import { gatewayZhCN } from './gateway.zh-CN.ts';
import { hj212En } from './hj212.en.ts';
import { hj212ZhCN } from './hj212.zh-CN.ts';
import { integrityEn } from './integrity.en.ts';
import { integrityZhCN } from './integrity.zh-CN.ts';
import { limitsEn } from './limits.en.ts';
import { limitsZhCN } from './limits.zh-CN.ts';
import { monitoringEn } from './monitoring.en.ts';
import { monitoringZhCN } from './monitoring.zh-CN.ts';
import { monitoringApiEn } from './monitoringApi.en.ts';
import { monitoringApiZhCN } from './monitoringApi.zh-CN.ts';
import { monitoringFiguresEn } from './monitoringFigures.en.ts';
import { monitoringFiguresZhCN } from './monitoringFigures.zh-CN.ts';
import { monitoringImportEn } from './monitoringImport.en.ts';
import { monitoringImportZhCN } from './monitoringImport.zh-CN.ts';
import { reportEn } from './report.en.ts';
import { reportZhCN } from './report.zh-CN.ts';
import { serverEn } from './server.en.ts';
import { serverZhCN } from './server.zh-CN.ts';
import { zhCN } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
const catalogs: Record<Locale, Record<string, string>> = {
  'zh-CN': { ...zhCN, ...reportZhCN, ...accountsZhCN, ...accessZhCN, ...integrityZhCN, ...embeddedZhCN, ...limitsZhCN, ...serverZhCN, ...backupZhCN, ...cliZhCN, ...dataZhCN, ...entryZhCN, ...monitoringZhCN, ...monitoringFiguresZhCN, ...monitoringApiZhCN, ...hj212ZhCN, ...monitoringImportZhCN, ...gepZhCN, ...gatewayZhCN, ...alarmsZhCN, ...planDocumentZhCN, ...planIndicatorsZhCN, ...planContentZhCN, ...planImportZhCN },
  en: { ...en, ...reportEn, ...accountsEn, ...accessEn, ...integrityEn, ...embeddedEn, ...limitsEn, ...serverEn, ...backupEn, ...cliEn, ...dataEn, ...entryEn, ...monitoringEn, ...monitoringFiguresEn, ...monitoringApiEn, ...hj212En, ...monitoringImportEn, ...gepEn, ...gatewayEn, ...alarmsEn, ...planDocumentEn, ...planIndicatorsEn, ...planContentEn, ...planImportEn },
};

export function t(key: string, params: Record<string, string | number> = {}, locale: Locale = 'zh-CN'): string {
  const template = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    return typeof v === 'string' ? expandNested(v, locale) : String(v);
  });
}

function expandNested(v: string, locale: Locale): string {
  const bar = v.indexOf('|');
  if (bar > 0 && /^[a-z]+(\.[A-Za-z]+)+$/.test(v.slice(0, bar))) {
    try {
      return t(v.slice(0, bar), JSON.parse(v.slice(bar + 1)) as Record<string, string | number>, locale);
    } catch {
      return v;
    }
  }
  return v;
}

export function formatMessage(m: Message, locale: Locale = 'zh-CN'): string {
  return t(m.key, m.params ?? {}, locale);
}

export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}

/** The key whose label (in any locale) or own name is the text: reads "在建" or "underway" as underway. */
export function keyForLabel<K extends string>(prefix: string, keys: readonly K[], text: string): K | undefined {
  const s = text.trim();
  return keys.find((k) => k === s || (Object.keys(catalogs) as Locale[]).some((l) => catalogs[l][`${prefix}.${k}`] === s));
}
