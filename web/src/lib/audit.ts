// The audit trail as the page shows it and as its CSV export writes it (through lib/csv.ts, escaped).
import type { AuditRecord as ApiAuditRecord } from '../../../src/api/accounts.ts';
import type { MessageKey } from '../i18n/parts.ts';

/** the page's t (i18n/index.tsx), named here by its shape so that this module stays free of React */
type Translate = (key: MessageKey) => string;

/** what the page and the CSV use of a record of the trail (the server's shape, src/api/accounts.ts) */
export type AuditRecord = Pick<ApiAuditRecord, 'id' | 'at' | 'actorName' | 'ip' | 'action' | 'entity' | 'entityId' | 'planId' | 'before' | 'after'>;

/** Local time as people read it: 2026-11-22 21:43:05. */
export function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/** The records as text rows for the CSV export (header first). */
export function csvTable(rows: readonly AuditRecord[], t: Translate): string[][] {
  return [
    [t('audit.col.at'), t('audit.col.actor'), t('audit.col.ip'), t('audit.col.action'), t('audit.col.entity'), t('audit.col.plan'), t('audit.col.before'), t('audit.col.after')],
    ...rows.map((r) => [when(r.at), r.actorName, r.ip ?? '', r.action, `${r.entity}${r.entityId ? ` ${r.entityId}` : ''}`, r.planId ?? '', show(r.before), show(r.after)]),
  ];
}
