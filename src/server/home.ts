// A plain starting page until the web workspace arrives: the plans and where the API is.
import { t } from '../i18n/index.ts';
import type { PlanRow } from '../store/queries.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHome(plans: PlanRow[]): string {
  const rows = plans
    .map(
      (p) => `<tr><td>${escape(p.region)}</td><td>${escape(p.title)}</td><td>${p.baseYear ?? '—'}</td><td>${p.targetYears.join('、')}</td>
<td><a href="/api/plans/${encodeURIComponent(p.id)}/assessment">${t('server.home.assessment')}</a> · <a href="/api/plans/${encodeURIComponent(p.id)}/projects">${t('server.home.projects')}</a> · <a href="/api/plans/${encodeURIComponent(p.id)}/tasks">${t('server.home.tasks')}</a></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${t('server.home.title')}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2937}
table{border-collapse:collapse}td,th{border:1px solid #d1d5db;padding:.4rem .7rem;text-align:left}th{background:#f3f4f6}</style>
</head><body>
<h1>${t('server.home.title')}</h1>
<table><thead><tr>${['region', 'plan', 'baseYear', 'targetYears', 'data'].map((k) => `<th>${t(`server.home.${k}`)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${t('server.home.api')}<a href="/api/openapi.json">/api/openapi.json</a></p>
</body></html>`;
}
