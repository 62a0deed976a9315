// OpenAPI paths of the project- and task-tracking routes (src/server/trackingRoutes.ts).
/** Every error: a code, a Chinese message, and for refused batches every problem. */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: '中文说明' },
        problems: {
          type: 'array',
          description: 'every problem: row (entry number, or the sheet row for a workbook; index, 0-based, for observations), field (or column), value, message',
          items: { type: 'object', properties: { row: { type: 'integer' }, index: { type: 'integer' }, field: { type: 'string' }, value: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message'],
    },
  },
};
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const refused = { description: 'refused: every problem listed; nothing saved', ...json(errorSchema) };
const malformed = { description: 'malformed request', ...json(errorSchema) };
const notFound = { description: 'unknown plan or record', ...json(errorSchema) };
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } }) as const;
const query = (name: string, description: string, type = 'string') => ({ name, in: 'query', required: false, description, schema: { type } }) as const;
const planId = path('id');
const asOf = query('asOf', 'YYYY-MM-DD; default today (China)');
const year = query('year', 'four-digit year', 'integer');
const lang = query('lang', 'zh-CN (default) or en');
const xlsx = { description: 'Excel workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } };
const xlsxBody = { required: true, content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } };

const progressEntry = {
  type: 'object',
  properties: {
    plan: { type: 'string' },
    project: { type: 'string', description: "the project's key (its number in the plan's table)" },
    period: { type: 'string', description: '2024-Q1, 2024年第一季度, 2024-03 or 2024年3月' },
    investmentPeriodWan: { type: 'number', description: '万元 within the period' },
    investmentCumulativeWan: { type: 'number', description: '万元 since the project began' },
    physicalPercent: { type: 'number', minimum: 0, maximum: 100 },
    status: { type: 'string', description: 'notStarted|underway|completed|delayed|cancelled|adjusted, or 未开工/在建/完工/延期/取消/调整' },
    milestones: { type: 'string' },
    problems: { type: 'string' },
    measures: { type: 'string' },
    reportingUnit: { type: 'string', description: 'a lead unit of the project; a clerk’s own unit by default' },
    reportedOn: { type: 'string', description: 'YYYY-MM-DD: today; an earlier day only by the plan office, with backdateReason (the reporter is the signed-in user)' },
    backdateReason: { type: 'string', description: '补报理由, shown to the reviewer and kept in the audit trail' },
  },
  additionalProperties: false,
  required: ['plan', 'project', 'period', 'status'],
};

export const trackingPaths = {
  '/api/plans/{id}/progress': {
    get: {
      summary: '项目进度：原计划与调整后的项目、最新报告、汇总、计划与实际投资曲线、预警 (project progress, roll-ups, curve, warnings)',
      parameters: [planId, asOf, lang],
      responses: { '200': { description: '{ asOf, settings, stated, rollup, warnings, changes, projects }' }, '400': malformed, '404': notFound },
    },
  },
  '/api/progress': {
    post: {
      summary: '报送项目进度（全部通过才保存） (record progress reports, all or nothing)',
      requestBody: { required: true, ...json({ type: 'object', properties: { reports: { type: 'array', items: progressEntry } }, required: ['reports'] }) },
      responses: { '201': { description: '{ recorded, ids }' }, '400': malformed, '422': refused },
    },
  },
  '/api/progress/check': {
    post: {
      summary: '校验项目进度（不保存） (check progress reports, saving nothing)',
      responses: { '200': { description: '{ problems }' }, '400': malformed },
    },
  },
  '/api/progress/{reportId}/review': {
    post: {
      summary: '审核进度报告：通过或退回（须写明原因） (accept, or return with a comment)',
      parameters: [path('reportId')],
      requestBody: { required: true, ...json({ type: 'object', properties: { decision: { type: 'string', enum: ['accepted', 'returned'] }, comment: { type: 'string' } }, required: ['decision'] }) },
      responses: { '200': { description: 'reviewed' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/project-changes': {
    post: {
      summary: '项目变更：新增、调整、取消（须有原因和生效日期） (add, adjust or cancel a project)',
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          properties: {
            plan: { type: 'string' },
            project: { type: 'string' },
            kind: { type: 'string', enum: ['add', 'adjust', 'cancel'] },
            fields: { type: 'object', description: 'name, group, category, investmentWan, yearStart, yearEnd, leadUnits, township' },
            reason: { type: 'string' },
            effectiveOn: { type: 'string', description: 'YYYY-MM-DD' },
          },
          additionalProperties: false,
          required: ['plan', 'project', 'kind', 'reason', 'effectiveOn'],
        }),
      },
      responses: { '201': { description: '{ id }' }, '400': malformed, '422': refused },
    },
  },
  '/api/plans/{id}/progress.xlsx': {
    get: { summary: '项目进度填报模板及已报进度 (progress template and reports, .xlsx)', parameters: [planId, query('period', 'pre-fill the period, e.g. 2024-Q1'), asOf, lang], responses: { '200': xlsx, '404': notFound } },
    post: {
      summary: '导入填好的进度表（逐行校验，全部通过才保存；?check=1 只校验） (import a filled progress sheet)',
      parameters: [planId, query('check', '1: check only, save nothing')],
      requestBody: xlsxBody,
      responses: { '201': { description: '{ recorded }' }, '200': { description: 'check: { rows, problems }' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/plans/{id}/projects.xlsx': {
    get: { summary: '重点工程项目表（规划原表格式，附进度） (the project table with progress, .xlsx)', parameters: [planId, asOf, lang], responses: { '200': xlsx, '404': notFound } },
    post: {
      summary: '导入项目表：新编号为新增，内容不同为调整，各须写明变更原因 (import a project sheet as changes)',
      parameters: [planId],
      requestBody: xlsxBody,
      responses: { '201': { description: '{ added, adjusted, unchanged }' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/plans/{id}/work-plan': {
    get: { summary: '年度工作计划：任务、按期情况、进展与督办 (the annual work plan)', parameters: [planId, year, asOf], responses: { '200': { description: '{ counts, openNotices, years, items }' }, '400': malformed, '404': notFound } },
  },
  '/api/plans/{id}/work-plan.xlsx': {
    get: { summary: '导出年度工作计划 (export the work plan, .xlsx)', parameters: [planId, year, asOf, lang], responses: { '200': xlsx, '404': notFound } },
    post: { summary: '导入年度工作计划（全部通过才保存） (import work items)', parameters: [planId], requestBody: xlsxBody, responses: { '201': { description: '{ recorded }' }, '400': malformed, '404': notFound, '422': refused } },
  },
  '/api/work-items': {
    post: {
      summary: '新增年度工作任务 (add work items: plan, year, task, title, leadUnit, cooperatingUnits, deadline, indicators)',
      responses: { '201': { description: '{ recorded, ids }' }, '400': malformed, '422': refused },
    },
  },
  '/api/work-items/{itemId}/updates': {
    post: {
      summary: '报送任务进展与佐证 (a status update with evidence: status, progress, evidence; reportedOn + backdateReason for an earlier day, plan office only)',
      parameters: [path('itemId')],
      responses: { '201': { description: '{ id }' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/plans/{id}/supervision': {
    post: {
      summary: '对逾期任务下发督办单（已有待回复督办的不重复下发） (issue supervision notices for overdue items)',
      parameters: [planId],
      responses: { '201': { description: '{ issued, notices }' }, '400': malformed, '404': notFound },
    },
  },
  '/api/supervision/{noticeId}/reply': {
    post: {
      summary: '牵头单位回复督办 (the lead unit replies to a notice: { reply }; who and when are the server’s)',
      parameters: [path('noticeId')],
      responses: { '201': { description: 'replied' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/plans/{id}/departments': {
    get: { summary: '部门考核：各单位得分、排名及理由 (department assessment)', parameters: [planId, year, asOf, lang], responses: { '200': { description: '{ year, asOf, weights, parts, ranking }' }, '400': malformed, '404': notFound } },
  },
  '/api/plans/{id}/departments.xlsx': {
    get: { summary: '导出部门考核 (export the department assessment, .xlsx)', parameters: [planId, year, asOf, lang], responses: { '200': xlsx, '404': notFound } },
  },
  '/api/plans/{id}/settings': {
    put: {
      summary: '规划设置：考核权重、报送周期、滞后容差 (weights, cadence, tolerance)',
      parameters: [planId],
      requestBody: { required: true, ...json({ type: 'object', properties: { weights: { type: 'object' }, cadence: { type: 'string', enum: ['quarter', 'month'] }, tolerance: { type: 'number', minimum: 0, maximum: 1 } } }) },
      responses: { '200': { description: '{ saved }' }, '400': malformed, '404': notFound },
    },
  },
  '/api/attachments': {
    post: {
      summary: '上传附件（jpg、png、pdf、docx、xlsx，≤10 MB，按内容核验类型） (upload an attachment; the body is the file)',
      parameters: [query('plan', 'plan id'), query('owner', 'progress | taskUpdate | reply'), query('id', 'the owning record'), query('name', 'file name')],
      responses: { '201': { description: '{ id, contentType, sizeBytes }' }, '400': malformed, '404': notFound, '422': refused },
    },
  },
  '/api/attachments/{attachmentId}': {
    get: { summary: '下载附件 (download an attachment)', parameters: [path('attachmentId')], responses: { '200': { description: 'the file' }, '400': malformed, '404': notFound } },
  },
} as const;
