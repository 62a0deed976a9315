// A plain starting page until the web workspace arrives: the plans and where the API is.
import type { PlanRow } from '../store/queries.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHome(plans: PlanRow[]): string {
  const rows = plans
    .map(
      (p) => `<tr><td>${escape(p.region)}</td><td>${escape(p.title)}</td><td>${p.baseYear ?? '—'}</td><td>${p.targetYears.join('、')}</td>
<td><a href="/api/plans/${encodeURIComponent(p.id)}/assessment">评估</a> · <a href="/api/plans/${encodeURIComponent(p.id)}/projects">项目</a> · <a href="/api/plans/${encodeURIComponent(p.id)}/tasks">任务</a></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>ecociv 生态文明建设规划</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2937}
table{border-collapse:collapse}td,th{border:1px solid #d1d5db;padding:.4rem .7rem;text-align:left}th{background:#f3f4f6}</style>
</head><body>
<h1>ecociv 生态文明建设规划</h1>
<table><thead><tr><th>地区</th><th>规划</th><th>基准年</th><th>目标年</th><th>数据</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>接口说明：<a href="/api/openapi.json">/api/openapi.json</a></p>
</body></html>`;
}
