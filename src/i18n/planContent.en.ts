// Messages of reading plan facts, projects, key tasks and prose targets, English; see planContent.zh-CN.ts.
export const planContentEn: Record<string, string> = {
};
