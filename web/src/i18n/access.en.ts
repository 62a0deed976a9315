// Who and when a record names (the server's), an earlier report date with its reason: English UI text.
// The same keys as access.zh-CN.ts.
import type { accessZhCN } from './access.zh-CN.ts';

export const accessEn: Record<keyof typeof accessZhCN, string> = {
  'progress.field.backdateReason': 'Reason for an earlier date',
  'progress.field.backdateReasonHint': 'Plan office only, when stating an earlier date; the reviewer sees it',
  'progress.rep.backdated': 'Late entry: {reason}',
  'access.recordedAs': 'Reported as the signed-in account, dated today',
};
