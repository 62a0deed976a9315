// Every route of the HTTP API once: its summary, parameters, request body and answers, each shape a zod
// schema of this folder. The server validates write bodies with them (src/server/access.ts) and builds its
// OpenAPI document from this table (src/server/openapi.ts); test/interfaces/shapes.test.ts checks the answers.
import { z } from 'zod';
import { ApiError } from './common.ts';
import { Account, AuditRecord, CliBody, Health, PasswordBody, PublicationBody, PublicSummary, ReviewBody, ReviewQueue, RevisionBody, SessionInfo, SetupBody, SetupNeeded, SignInBody, UserBody, UserUpdateBody } from './accounts.ts';
import { ConfirmationBody, DraftBody, EntrySheet, ObservationsBody, Problems, Recorded, ReportingUnit, SavedAt } from './entry.ts';
import { AlarmItem, AlarmList, AlarmRuleBody, AlarmRules, AlarmStepBody } from './alarms.ts';
import { ComputeBody, ComputedFigures, ComputeResult, Exceedances, ImportAnswer, ImportQuery, LinkBody, LinkRemoveBody, MonitoringDays, MonitoringLink, MonitoringLinks, MonitoringSummary, StationBody, StationSaved, Stations, Trends, WaterMonths } from './monitoring.ts';
import { Assessment, Consistency, PlanDetail, PlanSummary, Projects, ReportsInfo, Tasks } from './plans.ts';
import {
  AttachmentQuery,
  BatchProblems,
  CreatedId,
  Departments,
  Issued,
  Progress,
  ProgressBody,
  ProgressReviewBody,
  ProjectChangeBody,
  RecordedIds,
  ReplyBody,
  SettingsBody,
  SettingsSaved,
  SupervisionBody,
  TaskUpdateBody,
  WorkItemsBody,
  WorkPlan,
} from './tracking.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** What an attachment may be (checked by its content, src/store/attachments.ts). */
const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf', DOCX, XLSX] as const;

/** A query parameter: its name, type and what it means. */
export interface QueryParam {
  name: string;
  type?: 'string' | 'integer';
  required?: boolean;
  description?: string;
  enum?: readonly string[];
}

/** An answer: a JSON shape, or other content types (files). */
export interface Answer {
  description: string;
  schema?: z.ZodType;
  content?: readonly string[];
}

export interface Route {
  summary: string;
  /** path parameters other than those named in the path are none; these add enums */
  pathEnums?: Record<string, readonly string[]>;
  query?: readonly QueryParam[];
  /** the JSON body (strict for write routes: a key it does not name is refused) */
  body?: z.ZodType;
  /** a body that is a file */
  upload?: readonly string[];
  /** the query of a write route that takes one (strict) */
  queryShape?: z.ZodObject;
  responses: Record<string, Answer>;
}

const err = (description: string): Answer => ({ description, schema: ApiError });
const unknownPlan = err('unknown plan');
const badYear = err('bad year');
const malformed = err('malformed request');
const refused = err('refused: every problem listed; nothing saved');
const notFound = err('unknown plan or record');
const signIn = err('not signed in');
const forbidden = err('the role may not do this, or the CSRF token is missing');
const outsideRegions = err('the role may not do this; or (an administrator held in a region) the account or a role it grants lies outside that region');
const locked = err('too many failed attempts on this user name (existing or not): locked for 15 minutes; Retry-After');
const throttled = err('too many failed sign-ins from this address: wait; Retry-After');
const ok = (description: string, schema?: z.ZodType): Answer => ({ description, ...(schema ? { schema } : {}) });
const xlsx: Answer = { description: 'Excel workbook', content: [XLSX] };

const LANG = ['zh-CN', 'en'] as const;
const year: QueryParam = { name: 'year', type: 'integer', description: 'four-digit year; default: the plan base year' };
const lang: QueryParam = { name: 'lang', enum: LANG, description: 'zh-CN (default) or en' };
const asOf: QueryParam = { name: 'asOf', description: 'YYYY-MM-DD; default today (China)' };
const monitoringYear: QueryParam = { name: 'year', type: 'integer', description: 'four-digit year, 2000 to next year; default: this year (Beijing)' };
const unitYear: QueryParam[] = [{ name: 'unit', required: true }, { name: 'year', type: 'integer', required: true }];

/** Keyed by method and the path as Fastify registers it (/api/plans/:id). */
export const ROUTES: Record<string, Route> = {
  'GET /api/health': { summary: 'health', responses: { '200': ok('ok', Health) } },
  'GET /api/openapi.json': { summary: 'this document', responses: { '200': ok('OpenAPI 3.1') } },
  'GET /api/plans': { summary: '规划列表 (plans)', responses: { '200': ok('plans', z.array(PlanSummary)) } },
  'GET /api/plans/:id': {
    summary: '规划详情 (a plan: region, issuer, period, years, frameworks, office, document, stated summaries)',
    responses: { '200': ok('plan', PlanDetail), '404': unknownPlan },
  },
  'GET /api/plans/:id/assessment': { summary: '评估某一年 (assess a plan for a year)', query: [year, lang], responses: { '200': ok('assessment', Assessment), '400': badYear, '404': unknownPlan } },
  'GET /api/plans/:id/scorecard.xlsx': {
    summary: '指标达标情况表（Excel） (the indicator table as a workbook, one sheet per framework)',
    query: [year, lang],
    responses: { '200': xlsx, '404': unknownPlan },
  },
  'GET /api/plans/:id/reports': { summary: '可生成的报告 (the report kinds, their formats, and the years with figures)', responses: { '200': ok('reports', ReportsInfo), '404': unknownPlan } },
  'GET /api/plans/:id/reports/:kind.:format': {
    summary: '报告文件 (a report: annual 年度自评估报告 .docx/.pdf/.html, application 申报达标情况表 .xlsx, midterm 中期/终期评估报告 .docx/.pdf/.html, public 信息公开摘要 .docx/.pdf/.html)',
    pathEnums: { kind: ['annual', 'application', 'midterm', 'public'], format: ['docx', 'pdf', 'xlsx', 'html'] },
    query: [{ name: 'year', type: 'integer', description: 'a year with figures; default: the latest' }, lang],
    responses: {
      '200': { description: 'the report file (html is the preview, shown inline)', content: [DOCX, 'application/pdf', XLSX, 'text/html'] },
      '400': err('a kind or format that does not exist, or a bad year'),
      '404': err('unknown plan, or no figures for the year'),
      '503': err('PDF asked for but Chromium is not installed (the message says what to install)'),
    },
  },
  'GET /api/plans/:id/projects': { summary: '重点工程项目与汇总 (projects and roll-ups)', responses: { '200': ok('projects', Projects), '404': unknownPlan } },
  'GET /api/plans/:id/consistency': {
    summary: '规划一致性检查 (plan consistency: what does not add up across indicators, projects, tasks and stated totals, each finding with its lines)',
    query: [year, lang],
    responses: { '200': ok('findings', Consistency), '400': badYear, '404': unknownPlan },
  },
  'GET /api/plans/:id/tasks': { summary: '重点任务 (key tasks, as the plan sets them out)', responses: { '200': ok('tasks: headings (chapter, section, subsection) with their clauses', Tasks), '404': unknownPlan } },
  'POST /api/observations': {
    summary: '录入现状值（整批成功或整批不保存） (record observations, all or nothing)',
    body: ObservationsBody,
    responses: { '201': ok('recorded', Recorded), '400': malformed, '422': err('invalid entries; nothing saved') },
  },
  'GET /api/plans/:id/units': { summary: '填报单位 (units that lead indicators of the plan)', responses: { '200': ok('units', z.array(ReportingUnit)), '404': unknownPlan } },
  'GET /api/plans/:id/entry': {
    summary: '数据填报表 (the indicators a unit leads, with last year’s value, the current value and any draft)',
    query: unitYear,
    responses: { '200': ok('the entry sheet', EntrySheet), '400': err('bad year or no unit'), '403': err('not this unit'), '404': unknownPlan },
  },
  'PUT /api/plans/:id/drafts': {
    summary: '保存草稿 (save what a unit typed; not assessed)',
    query: unitYear,
    body: DraftBody,
    responses: { '200': ok('saved', SavedAt), '400': err('bad request'), '403': err('not this unit') },
  },
  'POST /api/observations/check': {
    summary: '校验现状值（不保存） (check a batch exactly as recording would, saving nothing)',
    body: ObservationsBody,
    responses: { '200': ok('every problem', Problems), '400': malformed },
  },
  'POST /api/confirmations': {
    summary: '人工确认无法判定的指标（与计算结果并列保存；确认人与日期由服务器按登录账号和当天记录） (confirm an indeterminate indicator; who and when are set by the server)',
    body: ConfirmationBody,
    responses: { '201': ok('recorded', Recorded), '400': malformed, '422': err('refused (e.g. the indicator can be computed); nothing saved') },
  },
  'GET /api/plans/:id/progress': {
    summary: '项目进度：原计划与调整后的项目、最新报告、汇总、计划与实际投资曲线、预警 (project progress, roll-ups, curve, warnings)',
    query: [asOf, lang],
    responses: { '200': ok('progress', Progress), '400': malformed, '404': notFound },
  },
  'POST /api/progress': { summary: '报送项目进度（全部通过才保存） (record progress reports, all or nothing)', body: ProgressBody, responses: { '201': ok('recorded', RecordedIds), '400': malformed, '422': refused } },
  'POST /api/progress/check': { summary: '校验项目进度（不保存） (check progress reports, saving nothing)', body: ProgressBody, responses: { '200': ok('every problem', BatchProblems), '400': malformed } },
  'POST /api/progress/:reportId/review': {
    summary: '审核进度报告：通过或退回（须写明原因） (accept, or return with a comment)',
    body: ProgressReviewBody,
    responses: { '200': ok('reviewed'), '400': malformed, '404': notFound, '422': refused },
  },
  'POST /api/project-changes': {
    summary: '项目变更：新增、调整、取消（须有原因和生效日期） (add, adjust or cancel a project)',
    body: ProjectChangeBody,
    responses: { '201': ok('recorded', CreatedId), '400': malformed, '422': refused },
  },
  'GET /api/plans/:id/progress.xlsx': {
    summary: '项目进度填报模板及已报进度 (progress template and reports, .xlsx)',
    query: [{ name: 'period', description: 'pre-fill the period, e.g. 2024-Q1' }, asOf, lang],
    responses: { '200': xlsx, '404': notFound },
  },
  'POST /api/plans/:id/progress.xlsx': {
    summary: '导入填好的进度表（逐行校验，全部通过才保存；?check=1 只校验） (import a filled progress sheet)',
    query: [{ name: 'check', description: '1: check only, save nothing' }],
    upload: [XLSX],
    responses: { '201': ok('{ recorded }'), '200': ok('check: { rows, problems }'), '400': malformed, '404': notFound, '422': refused },
  },
  'GET /api/plans/:id/projects.xlsx': { summary: '重点工程项目表（规划原表格式，附进度） (the project table with progress, .xlsx)', query: [asOf, lang], responses: { '200': xlsx, '404': notFound } },
  'POST /api/plans/:id/projects.xlsx': {
    summary: '导入项目表：新编号为新增，内容不同为调整，各须写明变更原因 (import a project sheet as changes)',
    upload: [XLSX],
    responses: { '201': ok('{ added, adjusted, unchanged }'), '400': malformed, '404': notFound, '422': refused },
  },
  'GET /api/plans/:id/work-plan': {
    summary: '年度工作计划：任务、按期情况、进展与督办 (the annual work plan)',
    query: [year, asOf],
    responses: { '200': ok('the work plan', WorkPlan), '400': malformed, '404': notFound },
  },
  'GET /api/plans/:id/work-plan.xlsx': { summary: '导出年度工作计划 (export the work plan, .xlsx)', query: [year, asOf, lang], responses: { '200': xlsx, '404': notFound } },
  'POST /api/plans/:id/work-plan.xlsx': {
    summary: '导入年度工作计划（全部通过才保存） (import work items)',
    upload: [XLSX],
    responses: { '201': ok('{ recorded }'), '400': malformed, '404': notFound, '422': refused },
  },
  'POST /api/work-items': {
    summary: '新增年度工作任务 (add work items: plan, year, task, title, leadUnit, cooperatingUnits, deadline, indicators)',
    body: WorkItemsBody,
    responses: { '201': ok('recorded', RecordedIds), '400': malformed, '422': refused },
  },
  'POST /api/work-items/:itemId/updates': {
    summary: '报送任务进展与佐证 (a status update with evidence: status, progress, evidence; reportedOn + backdateReason for an earlier day, plan office only)',
    body: TaskUpdateBody,
    responses: { '201': ok('recorded', CreatedId), '400': malformed, '404': notFound, '422': refused },
  },
  'POST /api/plans/:id/supervision': {
    summary: '对逾期任务下发督办单（已有待回复督办的不重复下发） (issue supervision notices for overdue items)',
    body: SupervisionBody,
    responses: { '201': ok('the notices issued', Issued), '400': malformed, '404': notFound },
  },
  'POST /api/supervision/:noticeId/reply': {
    summary: '牵头单位回复督办 (the lead unit replies to a notice: { reply }; who and when are the server’s)',
    body: ReplyBody,
    responses: { '201': ok('replied'), '400': malformed, '404': notFound, '422': refused },
  },
  'GET /api/plans/:id/departments': {
    summary: '部门考核：各单位得分、排名及理由 (department assessment)',
    query: [year, asOf, lang],
    responses: { '200': ok('the ranking', Departments), '400': malformed, '404': notFound },
  },
  'GET /api/plans/:id/departments.xlsx': { summary: '导出部门考核 (export the department assessment, .xlsx)', query: [year, asOf, lang], responses: { '200': xlsx, '404': notFound } },
  'PUT /api/plans/:id/settings': {
    summary: '规划设置：考核权重、报送周期、滞后容差 (weights, cadence, tolerance)',
    body: SettingsBody,
    responses: { '200': ok('the settings saved', SettingsSaved), '400': malformed, '404': notFound },
  },
  'POST /api/attachments': {
    summary: '上传附件（jpg、png、pdf、docx、xlsx，≤10 MB，按内容核验类型） (upload an attachment; the body is the file)',
    query: [{ name: 'plan', description: 'plan id' }, { name: 'owner', description: 'progress | taskUpdate | reply' }, { name: 'id', description: 'the owning record' }, { name: 'name', description: 'file name' }],
    queryShape: AttachmentQuery,
    upload: [...ATTACHMENT_TYPES, 'application/octet-stream'],
    responses: { '201': ok('{ id, contentType, sizeBytes }'), '400': malformed, '404': notFound, '422': refused },
  },
  'GET /api/attachments/:attachmentId': { summary: '下载附件 (download an attachment)', responses: { '200': { description: 'the file', content: ATTACHMENT_TYPES }, '400': malformed, '404': notFound } },
  'GET /api/setup': { summary: '是否需要初始设置（尚无任何账号） (is the first administrator still to be created?)', responses: { '200': ok('needed', SetupNeeded) } },
  'POST /api/setup': { summary: '初始设置：创建第一个系统管理员（仅在没有任何账号时） (create the first administrator)', body: SetupBody, responses: { '201': ok('{ id }'), '422': refused } },
  'GET /api/session': { summary: '当前会话：用户、角色与防伪令牌 (the signed-in user and the CSRF token, or user null)', responses: { '200': ok('the session', SessionInfo) } },
  'POST /api/session': {
    summary: '登录：会话保存在 HttpOnly、SameSite=Strict 的 Cookie 中；同一用户名（无论是否存在）失败 5 次锁定 15 分钟，同一地址失败过多须等待 (sign in)',
    body: SignInBody,
    responses: { '200': ok('{ user, csrfToken } and Set-Cookie', SessionInfo), '401': err('wrong user name or password'), '403': err('account disabled'), '423': locked, '429': throttled },
  },
  'DELETE /api/session': { summary: '退出登录 (sign out)', responses: { '200': ok('signed out'), '401': signIn, '403': forbidden } },
  'POST /api/session/everywhere': { summary: '在所有设备上退出 (sign out everywhere)', responses: { '200': ok('{ signedOut }'), '401': signIn, '403': forbidden } },
  'POST /api/me/password': {
    summary: '修改本人密码（之后须重新登录）；当前密码输错与登录失败一并计数 (change my password)',
    body: PasswordBody,
    responses: { '200': ok('changed'), '401': signIn, '403': err('wrong current password, or the CSRF token is missing'), '422': refused, '423': locked, '429': throttled },
  },
  'GET /api/users': { summary: "账号及其角色（系统管理员；地区管理员只见本地区的账号） (users and roles within the administrator's regions)", responses: { '200': ok('users', z.array(Account)), '401': signIn, '403': forbidden } },
  'POST /api/users': { summary: '新建账号（系统管理员） (create a user)', body: UserBody, responses: { '201': ok('{ id }'), '401': signIn, '403': outsideRegions, '422': refused } },
  'PUT /api/users/:userId': {
    summary: '修改账号：姓名、角色、停用、重设密码（其会话随之结束） (update a user)',
    body: UserUpdateBody,
    responses: { '200': ok('updated'), '400': err('bad id'), '401': signIn, '403': outsideRegions, '404': err('no such user'), '422': refused },
  },
  'POST /api/cli/run': {
    summary:
      '本机命令行：把 ecociv 命令交给占用内置数据目录的服务执行（仅限回环地址，凭数据目录锁文件中的令牌；浏览器会话无论何种角色都不能调用） (the command line of this machine runs a command in the server that owns the embedded data directory: loopback only, with the lock file’s token in x-ecociv-cli-token; never a browser session)',
    body: CliBody,
    responses: { '200': { description: 'NDJSON: {"out"} and {"err"} lines, then {"exit"}', content: ['application/x-ndjson'] }, '400': malformed, '403': err('not the command line of this machine') },
  },
  'GET /api/audit': {
    summary: '审计记录（只增不改）：谁、何时、从何处、做了什么、前后内容 (the audit trail, newest first)',
    query: [
      { name: 'plan', description: 'plan id' },
      { name: 'actor', description: 'part of the actor name' },
      { name: 'action', description: 'e.g. observation.record' },
      { name: 'entity', description: 'e.g. observation' },
      { name: 'from', description: 'YYYY-MM-DD' },
      { name: 'to', description: 'YYYY-MM-DD' },
      { name: 'limit', description: 'default 200, at most 5000' },
      { name: 'before', description: 'records before this id' },
    ],
    responses: { '200': ok('records', z.array(AuditRecord)), '401': signIn, '403': forbidden },
  },
  'GET /api/plans/:id/public': {
    summary: '信息公开：达标情况、得分与项目合计（不含内部说明、理由和责任单位） (the public summary)',
    query: [{ name: 'year', type: 'integer', description: 'four-digit year' }, lang],
    responses: {
      '200': ok('public summary of a published year (the latest when no year is given)', PublicSummary),
      '400': badYear,
      '404': err('nothing published: the same answer for an unknown plan, a plan with nothing published and a year not published'),
    },
  },
  'GET /api/plans/:id/review': { summary: '待审核的数值与修订，已发布的年度 (what awaits review)', responses: { '200': ok('the queue', ReviewQueue), '401': signIn, '403': forbidden, '404': err('unknown plan') } },
  'POST /api/observations/review': { summary: '审核数值或修订：通过，或退回并写明原因 (approve or return figures and revisions)', body: ReviewBody, responses: { '200': ok('{ figures, revisions }'), '401': signIn, '403': forbidden, '422': refused } },
  'POST /api/observations/revisions': {
    summary: '修订已发布年度的数值（须说明理由，审核通过后生效，新旧值均保留） (revise a locked figure)',
    body: RevisionBody,
    responses: { '201': ok('recorded', CreatedId), '401': signIn, '403': forbidden, '422': refused },
  },
  'POST /api/plans/:id/publications': {
    summary: '发布年度评估：所有数值须已审核通过；发布后数值锁定 (publish a year)',
    body: PublicationBody,
    responses: { '201': ok('{ published }'), '401': signIn, '403': forbidden, '404': err('unknown plan'), '422': refused },
  },
  // 监测数据 (src/server/monitoringRoutes.ts). Upload and import of monitoring files, links from statistics to
  // indicators and recomputing are wired beside these once those parts are merged.
  'GET /api/plans/:id/monitoring/stations': {
    summary: '监测站点、断面和水源地及其最新状态（最新小时 AQI、最新水样类别） (stations, sections and sources with their latest state)',
    responses: { '200': ok('stations', Stations), '404': unknownPlan },
  },
  'POST /api/plans/:id/monitoring/stations': {
    summary: '新增监测站点（规划办；编码在本地区唯一，经纬度在范围内，目标类别Ⅰ—Ⅴ） (add a station)',
    body: StationBody,
    responses: { '201': ok('saved', StationSaved), '400': malformed, '404': notFound, '422': refused },
  },
  'PUT /api/plans/:id/monitoring/stations/:stationId': {
    summary: '修改监测站点（规划办；只能是本规划所在地区的站点） (edit a station of the plan’s region)',
    body: StationBody,
    responses: { '200': ok('saved', StationSaved), '400': malformed, '404': err('unknown plan, or no such station in the plan’s region'), '422': refused },
  },
  'GET /api/plans/:id/monitoring/stations/:stationId/days': {
    summary: '站点逐日数据与日 AQI（按当日适用的 HJ 633 版本） (a station’s daily values and daily AQI for a year)',
    query: [monitoringYear],
    responses: { '200': ok('days', MonitoringDays), '400': malformed, '404': err('unknown plan, or no such station in the plan’s region') },
  },
  'GET /api/plans/:id/monitoring/calendar': {
    summary: '全区（县）AQI 日历：各站日均浓度的平均计算日 AQI；无数据的日子单独计数 (the region’s AQI calendar)',
    query: [monitoringYear],
    responses: { '200': ok('days', MonitoringDays), '400': malformed, '404': unknownPlan },
  },
  'GET /api/plans/:id/monitoring/trends': {
    summary: '污染物浓度逐月均值（全区或某站） (pollutant monthly means, of the region or a station)',
    query: [monitoringYear, { name: 'station', type: 'integer', description: 'a station id; default: the region' }],
    responses: { '200': ok('trends', Trends), '400': malformed, '404': notFound },
  },
  'GET /api/plans/:id/monitoring/water': {
    summary: '断面、水源地逐月水质类别（Ⅰ—劣Ⅴ，无数据） (water class by month per section)',
    query: [monitoringYear],
    responses: { '200': ok('sections', WaterMonths), '400': malformed, '404': unknownPlan },
  },
  'GET /api/plans/:id/monitoring/exceedances': {
    summary: '超标情况：日均值超过当日适用的 GB 3095 浓度限值，水样劣于目标类别 (exceedances of the year)',
    query: [monitoringYear],
    responses: { '200': ok('exceedances', Exceedances), '400': malformed, '404': unknownPlan },
  },
  'GET /api/plans/:id/monitoring/figures': {
    summary: '由监测数据计算的指标值及其依据（站点、有效天数、标准版本），人工填报值并列 (computed figures with provenance)',
    query: [{ name: 'year', type: 'integer', description: 'four-digit year; default: every year' }],
    responses: { '200': ok('figures', ComputedFigures), '400': malformed, '404': unknownPlan },
  },
  'GET /api/plans/:id/monitoring/links': {
    summary: '指标关联：哪项指标取哪些站点、断面的哪个统计量；以及规划中可关联的指标 (links from statistics to indicators, and the indicators they may feed)',
    responses: { '200': ok('links and the plan’s indicators', MonitoringLinks), '404': unknownPlan },
  },
  'PUT /api/plans/:id/monitoring/links': {
    summary: '设置（或替换）某项指标的监测数据来源（规划办；站点须为本地区、且为该统计量所取的类型） (set an indicator’s link)',
    body: LinkBody,
    responses: { '200': ok('the plan’s links', z.object({ links: z.array(MonitoringLink) })), '400': err('refused: unknown indicator or statistic, a station not of the region or of the wrong kind (the message says which)'), '404': unknownPlan },
  },
  'DELETE /api/plans/:id/monitoring/links': {
    summary: '取消某项指标的监测数据来源（已算出的数值保留） (remove an indicator’s link)',
    body: LinkRemoveBody,
    responses: { '200': ok('the plan’s links', z.object({ links: z.array(MonitoringLink) })), '400': err('refused: unknown indicator, or it has no link'), '404': unknownPlan },
  },
  'POST /api/plans/:id/monitoring/compute': {
    summary: '重新计算：按国家标准由监测数据计算各关联指标的数值，写入当年观测值待审核（人工填报值不覆盖，并列显示） (recompute the linked indicators)',
    body: ComputeBody,
    responses: { '200': ok('what was computed', ComputeResult), '400': err('a bad year'), '404': unknownPlan },
  },
  'POST /api/plans/:id/monitoring/imports': {
    summary: '导入监测数据文件（规划办；CSV 或 Excel；站点名单、空气小时数据、空气日数据或水质监测数据，按表头识别；整份逐行检查，有问题则整份不导入；导入后重新计算受影响的指标） (import a monitoring file, then recompute the figures it touches)',
    query: [
      { name: 'kind', enum: ['stations', 'air-hours', 'air-days', 'water'], description: 'the kind of file; default: found from its headers' },
      { name: 'replace', enum: ['true', 'false'], description: 'true: data already stored for the same station and hour (day, sample date) is replaced; else refused' },
      { name: 'name', description: 'the file’s name, for the refusals and the provenance' },
    ],
    queryShape: ImportQuery,
    upload: ['text/csv', 'application/octet-stream', XLSX],
    responses: {
      '201': ok('what landed and which computed figures changed', ImportAnswer),
      '400': err('no file, or a bad kind or replace'),
      '404': unknownPlan,
      '413': err('the file is larger than the web takes (64 MB; the message names both sizes)'),
      '422': refused,
      '503': err('too many uploads at once: try again shortly (Retry-After)'),
    },
  },
  // 报警 (src/server/alarmRoutes.ts): the early warning of the region's pollution sources.
  'GET /api/plans/:id/alarms': {
    summary: '本规划所在地区污染源的报警：类型、状态、原因、派给谁；after= 只要更新的，wait= 秒内有新报警即返回（大屏实时推送） (the region’s alarms; long-poll with after and wait)',
    query: [
      { name: 'state', enum: ['open', 'closed', 'all'], description: 'open (default): not closed' },
      { name: 'after', type: 'integer', description: 'only alarms with a higher id' },
      { name: 'wait', type: 'integer', description: 'seconds (0–25) to wait for an alarm after `after` before answering; default 0' },
    ],
    responses: { '200': ok('alarms', AlarmList), '400': malformed, '404': unknownPlan, '503': err('too many waiting at once: try again shortly') },
  },
  'POST /api/plans/:id/alarms/:alarmId/steps': {
    summary: '报警的下一步：确认、处置、关闭（按顺序；关闭须写处置说明或证据，并完成派发的工作任务） (the next lifecycle step of an alarm)',
    body: AlarmStepBody,
    responses: { '200': ok('the alarm', AlarmItem), '400': malformed, '403': forbidden, '404': err('unknown plan, or no such alarm in the plan’s region'), '422': refused },
  },
  'GET /api/plans/:id/alarm-rules': {
    summary: '报警派发规则：哪类报警派给谁、几天内处置 (the dispatch rules)',
    responses: { '200': ok('rules', AlarmRules), '404': unknownPlan },
  },
  'PUT /api/plans/:id/alarm-rules': {
    summary: '设置报警派发规则（规划办） (set a dispatch rule)',
    body: AlarmRuleBody,
    responses: { '200': ok('rules', AlarmRules), '400': malformed, '404': unknownPlan, '422': refused },
  },
  'GET /api/plans/:id/monitoring/summary': {
    summary: '实时监测指标：本年至今优良天数比例、PM2.5 均值、最新 AQI (the live figures of the overview and the big screen)',
    query: [monitoringYear],
    responses: { '200': ok('summary', MonitoringSummary), '400': malformed, '404': unknownPlan },
  },
};
