// Chinese UI text of the 大屏 (big screen) page. bigscreen.en.ts carries the same keys.
const zhCNBigscreen = {
  'bigscreen.year': '{year}年',
  'bigscreen.updated': '更新于 {time}',
  'bigscreen.refreshFailed': '刷新失败，{seconds} 秒后重试',
  'bigscreen.exit': '退出大屏',
  'bigscreen.metOf': '达标',
  'bigscreen.unmet': '未达标指标（{n} 项）',
  'bigscreen.unmetNone': '全部适用指标均已达标。',
  'bigscreen.more': '另有 {n} 项，详见指标页',
  'bigscreen.value': '现状 {v}',
  'bigscreen.requirement': '要求 {v}',
  'bigscreen.yi': '{n} 亿元',
  'bigscreen.chartLabel': '各类工程投资柱状图（万元）',
} as const;

export default zhCNBigscreen;
