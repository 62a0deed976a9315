// Who and when a record names (the server's), an earlier report date with its reason: Chinese UI text.
// access.en.ts carries the same keys.
export const accessZhCN = {
  'progress.field.backdateReason': '补报理由',
  'progress.field.backdateReasonHint': '仅规划办补报以往日期时填写，审核人可见',
  'progress.rep.backdated': '补报：{reason}',
  'access.recordedAs': '报送人为当前登录账号，日期为今天',
} as const;
