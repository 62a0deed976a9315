// English UI text of review of reported figures: the 审核 (review) page and the 项目进度 (progress) page: the same keys as review.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNReview from './review.zh-CN.ts';

const enReview: Record<keyof typeof zhCNReview, string> = {
  'review.title': "Review of {year} figures",
  'review.intro': "Figures entered by units arrive awaiting review and count in the assessment at once; approve them or return them with a comment. Once all are approved the year can be published, which locks its figures; a change then needs a revision.",
  'review.isPublished': "The {year} assessment was published by {by}; its figures are locked and change only by an approved revision.",
  'review.approve': "Approve selected ({n})",
  'review.return': "Return selected ({n})",
  'review.publish': "Publish {year}",
  'review.published': "Published",
  'review.nothing': "Nothing awaits review.",
  'review.computed': "Computed from monitoring data",
  'review.col.indicator': "Indicator",
  'review.col.value': "Figure",
  'review.col.unit': "Unit",
  'review.col.by': "Entered by",
  'review.col.state': "State",
  'review.col.change': "Revision",
  'review.col.reason': "Reason",
  'review.state.submitted': "Awaiting review",
  'review.state.returned': "Returned",
  'review.state.approved': "Approved",
  'review.revisions': "Revisions",
  'review.approveOne': "Approve",
  'review.returnOne': "Return",
  'review.returnTitle': "Return with a comment",
  'review.returnConfirm': "Return",
  'review.commentHint': "Say what must be corrected; the unit will see it.",
  'review.approvedDone': "Approved.",
  'review.returnedDone': "Returned.",
  'review.publishedDone': "The {year} assessment is published.",
};

export default enReview;
