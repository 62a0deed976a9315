// The built-in data files and their load (src/data/load.ts, src/data/schema.ts, src/store/index.ts): problems
// for the people who edit the files, and what opening a store reports. English; same keys as data.zh-CN.ts.
export const dataEn: Record<string, string> = {
  'data.error.yaml': 'the YAML cannot be read: {detail}',
  'data.error.parentRegion': 'the parent region "{parent}" does not exist',
  'data.error.idFileName': 'the id "{id}" should match the file name',
  'data.error.idDirName': 'the id "{id}" should match the directory name "{dir}"',
  'data.error.region': 'the region "{region}" is not in regions.yaml',
  'data.error.framework': 'the framework "{framework}" does not exist',
  'data.error.frameworkNotInPlan': 'the framework "{framework}" is not one of this plan\'s',
  'data.error.group': 'the project group "{group}" is not listed in groups',
  'data.error.shouldBe': 'should be "{value}"',
  'data.error.duplicateNumber': 'the number "{number}" appears twice',
  'data.error.partsAndRequirement': 'an indicator with parts should not have its own requirement/variants',
  'data.error.duplicateEntry': 'the same indicator appears twice',
  'data.error.statusOrPoints': 'give status or points, or both',
  'data.error.statementContent': 'a statement names the figure it states (figure, with its year) or the item counts it states (itemCounts)',
  'data.entryPath': '{path} (item {number}{part})',
  'data.storeMigrated': 'Database structure updated to version {version}',
  'data.builtinLoaded': 'Built-in data loaded: {plans} plans, {frameworks} frameworks',
};
