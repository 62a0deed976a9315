// Entering figures and confirmations (src/app/dataEntry.ts, src/store/recordConfirmation.ts,
// src/store/recordObservations.ts): what a field expects and why an entry is refused. Chinese; same keys as
// entry.en.ts.
export const entryZhCN: Record<string, string> = {
  'entry.hint.state': '状态，如“建立”“开展”“全面实施”“正在制定”',
  'entry.hint.directive': '“完成”或“未完成”，可附数值，如“完成；85”',
  'entry.hint.absence': '如“无劣V类水体”“基本消除”“不明显”',
  'entry.hint.trendPercent': '数值（单位%，0–100），或变化，如“稳定提高”',
  'entry.hint.trend': '数值，或变化，如“稳定提高”“不降低”',
  'entry.hint.numberPercent': '数值（单位%，0–100），或区间如“大于90”；无数据填“-”',
  'entry.hint.number': '数值{unit}，或区间如“大于10”；无数据填“-”',
  'entry.hint.unit': '（单位{unit}）',

  'entry.error.noPlan': '规划不存在',
  'entry.error.frameworkNotInPlan': '不是规划“{plan}”使用的指标体系',
  'entry.error.frameworkNotInPlanExpected': '不是规划“{plan}”使用的指标体系（应为 {frameworks}）',
  'entry.error.confirmStatus': '应为 met（达标）或 notMet（未达标）',
  'entry.error.confirmNoJudgement': '请给出判定（达标/未达标）或得分',
  'entry.error.confirmBy': '请填写确认人',
  'entry.error.confirmReason': '请填写确认理由',
  'entry.error.noItem': '指标体系中没有第{number}项',
  'entry.error.computable': '第{number}项{year}年可由现状值计算判定（{status}），无需人工确认',
  'entry.error.notScored': '该指标不计分',
  'entry.error.pointsRange': '应在 0 到 {max} 分之间',
  // for src/store/recordObservations.ts (its literals move here when that file is free to change)
  'entry.error.problem': '第{n}条 {field}=“{value}”：{message}',
  'entry.error.flagsList': '应为列表，如 ["抽样"]',
  'entry.error.flag': '应为 抽样、代用、估算 或 往年',
  'entry.error.printedEmpty': '不能为空；没有数据请填“-”',
  'entry.error.duplicateInBatch': '本批中{label}的{year}年数值重复',
  'entry.error.notReportingUnit': '不是{region}的填报单位',
};
