// Messages of reading indicator tables and the plan's own judgements, English; see planIndicators.zh-CN.ts.
export const planIndicatorsEn: Record<string, string> = {
};
