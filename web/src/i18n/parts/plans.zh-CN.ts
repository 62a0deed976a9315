// Chinese UI text of the 规划 (plans) page. plans.en.ts carries the same keys.
const zhCNPlans = {
  'plans.title': '规划',
  'plans.region': '地区',
  'plans.issuer': '发布单位',
  'plans.scope': '范围',
  'plans.period': '规划期',
  'plans.periodText': '{start}—{end}年',
  'plans.baseYear': '基准年',
  'plans.targetYears': '目标年',
  'plans.frameworks': '指标体系',
  'plans.office': '办公室',
  'plans.document': '规划文件',
  'plans.documentText': '{id}：{title}',
  'plans.selected': '当前规划',
  'plans.open': '查看总览',
  'plans.empty': '尚无规划。',
} as const;

export default zhCNPlans;
