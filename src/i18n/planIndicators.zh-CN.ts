// Messages of reading indicator tables and the plan's own judgements, zh-CN. Keys start with "planIndicators.".
export const planIndicatorsZhCN: Record<string, string> = {
};
