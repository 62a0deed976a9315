// Chinese UI text of the 部门考核 (departments) page. departments.en.ts carries the same keys.
const zhCNDepartments = {
  'part.indicators': '牵头指标',
  'part.projects': '重点项目',
  'part.tasks': '年度任务',
  'part.reporting': '进度报送',
  'departments.heading': '{region} · {year}年部门考核',
  'departments.weights': '考核权重',
  'departments.weightsHint': '各项按百分制计分，再按权重加权；某单位在某项没有可计分的内容时，该项不计分，其权重由其余各项分摊。',
  'departments.weightsSum': '合计 {n}',
  'departments.saveWeights': '保存权重',
  'departments.weightsSaved': '考核权重已保存。',
  'departments.export': '导出Excel',
  'departments.ranking': '排名（{n} 个单位，截至 {date}）',
  'departments.intro': '点击一行或行首的展开按钮（Tab 键可聚焦，回车键展开），查看每项得分的理由。',
  'departments.col.rank': '名次',
  'departments.col.unit': '单位',
  'departments.col.total': '总分',
  'departments.col.part': '{part}（权重 {weight}）',
  'departments.partScore': '{part}：{score}（权重 {weight}）。',
  'departments.notScored': '不计分',
  'departments.empty': '没有可考核的单位。',
} as const;

export default zhCNDepartments;
