// Entering figures and confirmations (src/app/dataEntry.ts, src/store/recordConfirmation.ts,
// src/store/recordObservations.ts): what a field expects and why an entry is refused. English; same keys as
// entry.zh-CN.ts.
export const entryEn: Record<string, string> = {
  'entry.hint.state': 'a state, e.g. 建立 (established), 开展 (under way), 全面实施 (fully implemented), 正在制定 (being drawn up)',
  'entry.hint.directive': '完成 (done) or 未完成 (not done), optionally with a figure, e.g. 完成；85',
  'entry.hint.absence': 'e.g. 无劣V类水体 (no water below class V), 基本消除 (largely eliminated), 不明显 (not noticeable)',
  'entry.hint.trendPercent': 'a number (in %, 0–100), or a change, e.g. 稳定提高 (steadily rising)',
  'entry.hint.trend': 'a number, or a change, e.g. 稳定提高 (steadily rising), 不降低 (not falling)',
  'entry.hint.numberPercent': 'a number (in %, 0–100), or a range such as 大于90 (above 90); "-" when there is no figure',
  'entry.hint.number': 'a number{unit}, or a range such as 大于10 (above 10); "-" when there is no figure',
  'entry.hint.unit': ' (in {unit})',

  'entry.error.noPlan': 'there is no such plan',
  'entry.error.frameworkNotInPlan': 'is not a framework the plan "{plan}" uses',
  'entry.error.frameworkNotInPlanExpected': 'is not a framework the plan "{plan}" uses (expected {frameworks})',
  'entry.error.confirmStatus': 'should be met or notMet',
  'entry.error.confirmNoJudgement': 'give a judgement (met/not met) or points',
  'entry.error.confirmBy': 'give who confirms',
  'entry.error.confirmReason': 'give the reason for the confirmation',
  'entry.error.noItem': 'the framework has no item {number}',
  'entry.error.computable': 'item {number} in {year} can be judged from its value ({status}): no confirmation is needed',
  'entry.error.notScored': 'this indicator carries no points',
  'entry.error.pointsRange': 'should be between 0 and {max} points',
  // for src/store/recordObservations.ts (its literals move here when that file is free to change)
  'entry.error.problem': 'entry {n} {field}="{value}": {message}',
  'entry.error.flagsList': 'should be a list, e.g. ["抽样"]',
  'entry.error.flag': 'should be 抽样 (sampled), 代用 (proxy), 估算 (estimated) or 往年 (an earlier year)',
  'entry.error.printedEmpty': 'must not be empty; enter "-" when there is no figure',
  'entry.error.duplicateInBatch': 'the {year} value of {label} appears twice in this batch',
  'entry.error.notReportingUnit': 'is not a reporting unit of {region}',
};
