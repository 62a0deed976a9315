// Chinese UI text of the 报告 (reports) page. reports.en.ts carries the same keys.
const zhCNReports = {
  'reportsPage.heading': '{region} · 报告',
  'reportsPage.intro': '报告中的每个数字都来自评估引擎和规划所列数据；PDF 由服务器上的 Chromium 排版，生成需要几秒钟。',
  'reportsPage.kind.annual': '年度自评估报告',
  'reportsPage.kind.application': '申报达标情况表',
  'reportsPage.kind.midterm': '中期 / 终期评估报告',
  'reportsPage.kind.public': '信息公开摘要',
  'reportsPage.about.annual': '封面、目录、总体情况、指标达标情况表、评分与失分项、可达性研判、重点工程项目与投资、数据来源附录。',
  'reportsPage.about.application': '每个指标体系一张工作表，按规划的表式：领域、任务合并单元格，达标情况着色，计数与合计得分，A4 横向打印。',
  'reportsPage.about.midterm': '基准年、各年度和目标值逐年对照，列出达标情况的变化及原因；到最后目标年为终期评估。',
  'reportsPage.about.public': '一页公开版：达标计数、得分、主要指标和重点工程项目，不含内部说明。',
  'reportsPage.download': '下载 {format}',
  'reportsPage.preview': '预览',
  'reportsPage.previewTitle': '预览：{kind}（{year}年）',
  'reportsPage.previewFrame': '{kind}预览',
  'reportsPage.noFigures': '{year}年尚无现状值，无法生成报告。',
  'reportsPage.useYear': '改用{year}年',
  'reportsPage.noYears': '本规划尚无任何现状值，录入数据后即可生成报告。',
  'reportsPage.openNew': '在新窗口打开',
} as const;

export default zhCNReports;
