// English UI text of the 审计记录 (audit) page: the same keys as audit.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNAudit from './audit.zh-CN.ts';

const enAudit: Record<keyof typeof zhCNAudit, string> = {
  'audit.title': "Audit trail",
  'audit.intro': "Every change is recorded: who, when, from where, what, and the content before and after. Records are never changed.",
  'audit.actorFilter': "Filter by person",
  'audit.actionFilter': "Filter by kind",
  'audit.thisPlan': "This plan",
  'audit.allVisible': "All I may see",
  'audit.shown': "{n} shown",
  'audit.export': "Export CSV (opens in Excel)",
  'audit.fileName': "audit-trail.csv",
  'audit.col.at': "Time",
  'audit.col.actor': "Who",
  'audit.col.ip': "From",
  'audit.col.action': "Action",
  'audit.col.entity': "Record",
  'audit.col.plan': "Plan",
  'audit.col.before': "Before",
  'audit.col.after': "After",
  'audit.col.change': "Change",
  'audit.group.observation': "Figures",
  'audit.group.confirmation': "Confirmations",
  'audit.group.progress': "Project progress",
  'audit.group.project': "Project changes",
  'audit.group.workItem': "Work items",
  'audit.group.notice': "Supervision",
  'audit.group.attachment': "Attachments",
  'audit.group.settings': "Settings",
  'audit.group.user': "Accounts",
  'audit.group.session': "Sign-in",
  'audit.group.revision': "Revisions",
  'audit.group.assessment': "Publication",
  'audit.group.draft': "Drafts",
  'audit.group.builtin': "Built-in data",
};

export default enAudit;
