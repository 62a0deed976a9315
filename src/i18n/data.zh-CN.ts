// The built-in data files and their load (src/data/load.ts, src/data/schema.ts, src/store/index.ts): problems
// for the people who edit the files, and what opening a store reports. Chinese; same keys as data.en.ts.
export const dataZhCN: Record<string, string> = {
  'data.error.yaml': 'YAML 无法解析：{detail}',
  'data.error.parentRegion': '上级地区“{parent}”不存在',
  'data.error.idFileName': 'id “{id}”应与文件名一致',
  'data.error.idDirName': 'id “{id}”应与目录名“{dir}”一致',
  'data.error.region': '地区“{region}”不在 regions.yaml 中',
  'data.error.framework': '指标体系“{framework}”不存在',
  'data.error.frameworkNotInPlan': '指标体系“{framework}”不属于本规划',
  'data.error.group': '工程类别“{group}”未在 groups 中列出',
  'data.error.shouldBe': '应为“{value}”',
  'data.error.duplicateNumber': '序号“{number}”重复',
  'data.error.partsAndRequirement': '有分指标（parts）的指标不应再有自己的 requirement/variants',
  'data.error.duplicateEntry': '同一指标重复出现',
  'data.error.statusOrPoints': 'status 或 points 至少填一项',
  'data.error.statementContent': '正文陈述应写明所述数值（figure，并注明年份 year）或所述指标项数（itemCounts）',
  'data.entryPath': '{path}（第{number}项{part}）',
  'data.storeMigrated': '数据库结构已更新到第 {version} 版',
  'data.builtinLoaded': '已载入内置数据：{plans} 个规划，{frameworks} 个指标体系',
};
