// Messages of reading indicator tables and the plan's own judgements, English; see planIndicators.zh-CN.ts.
export const planIndicatorsEn: Record<string, string> = {
  'planIndicators.tableAt': 'the table starting on line {line}',
  'planIndicators.defaultName': 'Plan indicator table {n}',
  'planIndicators.tooManyTables': 'The document has {count} tables, more than the {max} that are read; the rest were not read.',
  'planIndicators.tableTooLarge': '{table} is too large (over {max} rows or over {cells} cells a row) to be read as an indicator table; split it and import again.',
  'planIndicators.missingItem': '{table} lacks item {number} “{name}” of {framework}; check whether it was left out.',
  'planIndicators.unmatchedItem': '{table} item {number} “{name}” differs from the item of {framework} with that number; please check.',
  'planIndicators.footnoteMissing': 'The note mark “{mark}” of {table} item {number} “{name}” has no note after the table.',
  'planIndicators.phrase': '{table}: {detail}',
  'planIndicators.tooManyIndicatorTables': 'The document has more than {max} indicator tables; {table} and those after it were not read.',
};
