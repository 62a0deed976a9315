// Messages of reading plan facts, projects, key tasks and prose targets, zh-CN. Keys start with "planContent.".
export const planContentZhCN: Record<string, string> = {
};
