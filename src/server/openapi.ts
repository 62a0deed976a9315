// OpenAPI 3.1 description of the HTTP API.
import { FINDING_KINDS } from '../domain/consistency.ts';
import { errorSchema, trackingPaths } from './openapiTracking.ts';
import { accountPaths } from './openapiAccounts.ts';

const error = errorSchema;

/** The plan named in the path. */
const planId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;
const unknownPlan = { description: 'unknown plan', content: { 'application/json': { schema: error } } };
/** The year assessed (default: the plan base year) and the language of the texts. */
const yearQuery = { name: 'year', in: 'query', schema: { type: 'integer' }, description: 'default: the plan base year' } as const;
const langQuery = { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh-CN', 'en'] } } as const;
const badYear = { description: 'bad year', content: { 'application/json': { schema: error } } };

const status = { type: 'string', enum: ['met', 'notMet', 'indeterminate', 'noData', 'notApplicable'] };
const findingKind = { type: 'string', enum: [...FINDING_KINDS] };
const severity = { type: 'string', enum: ['error', 'warning', 'info'] };
const achievability = {
  type: ['object', 'null'],
  properties: {
    class: { type: ['string', 'null'], enum: ['stable', 'expected', 'uncertain', 'difficult', null] },
    classText: { type: ['string', 'null'] },
    reason: { type: ['string', 'null'] },
    figures: { type: ['object', 'null'] },
    stated: { type: ['object', 'null'], description: "the plan document's own judgement, kept beside the engine's" },
    differs: { type: ['boolean', 'null'] },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'ecociv API',
    version: '0.1.0',
    description: '生态文明建设规划：指标评估、评分、可达性研判与重点工程项目。Ecological-civilization plans as data.',
  },
  paths: {
    '/api/plans': {
      get: {
        summary: '规划列表 (plans)',
        responses: {
          '200': {
            description: 'plans',
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      region: { type: 'string' },
                      title: { type: 'string' },
                      baseYear: { type: ['integer', 'null'] },
                      targetYears: { type: 'array', items: { type: 'integer' } },
                    },
                    required: ['id', 'region', 'title', 'baseYear', 'targetYears'],
                  },
                },
              },
            },
          },
        },
      },
    },
    '/api/plans/{id}': {
      get: {
        summary: '规划详情 (a plan: region, issuer, period, years, frameworks, office, document, stated summaries)',
        parameters: [planId],
        responses: {
          '200': { description: 'plan', content: { 'application/json': { schema: { type: 'object' } } } },
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/assessment': {
      get: {
        summary: '评估某一年 (assess a plan for a year)',
        parameters: [planId, yearQuery, langQuery],
        responses: {
          '200': {
            description: 'assessment',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    plan: { type: 'string' },
                    year: { type: 'integer' },
                    frameworks: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          name: { type: 'string' },
                          applicable: { type: 'integer' },
                          met: { type: 'integer' },
                          notMet: { type: 'integer' },
                          indeterminate: { type: 'integer' },
                          noData: { type: 'integer' },
                          notApplicable: { type: 'integer' },
                          score: { type: ['number', 'null'] },
                          maxScore: { type: ['number', 'null'] },
                          passScore: { type: ['number', 'null'] },
                          results: {
                            type: 'array',
                            items: {
                              type: 'object',
                              properties: {
                                number: { type: 'string' },
                                name: { type: 'string' },
                                status,
                                reason: { type: 'string' },
                                value: { type: ['string', 'null'] },
                                requirement: { type: ['string', 'null'] },
                                requirementParsed: { type: ['object', 'null'], description: 'the requirement as the engine read it (kind: threshold, trend, state, directive, absence, relation, weighted, composite)' },
                                requirementExplained: { type: ['string', 'null'], description: 'that reading explained in a sentence' },
                                achievability,
                              },
                              required: ['number', 'name', 'status', 'reason', 'value', 'requirement', 'achievability'],
                            },
                          },
                        },
                        required: ['id', 'name', 'applicable', 'met', 'notMet', 'indeterminate', 'noData', 'notApplicable', 'score', 'maxScore', 'passScore', 'results'],
                      },
                    },
                  },
                  required: ['plan', 'year', 'frameworks'],
                },
              },
            },
          },
          '400': badYear,
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/scorecard.xlsx': {
      get: {
        summary: '指标达标情况表（Excel） (the indicator table as a workbook, one sheet per framework)',
        parameters: [planId, yearQuery, langQuery],
        responses: {
          '200': { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } },
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/reports': {
      get: {
        summary: '可生成的报告 (the report kinds, their formats, and the years with figures)',
        parameters: [planId],
        responses: {
          '200': {
            description: 'reports',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    plan: { type: 'string' },
                    years: { type: 'array', items: { type: 'integer' }, description: 'years with figures (a report can be made for each)' },
                    kinds: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          kind: { type: 'string', enum: ['annual', 'application', 'midterm', 'public'] },
                          name: { type: 'string' },
                          formats: { type: 'array', items: { type: 'string', enum: ['docx', 'pdf', 'xlsx', 'html'] } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/reports/{kind}.{format}': {
      get: {
        summary:
          '报告文件 (a report: annual 年度自评估报告 .docx/.pdf/.html, application 申报达标情况表 .xlsx, midterm 中期/终期评估报告 .docx/.pdf/.html, public 信息公开摘要 .docx/.pdf/.html)',
        parameters: [
          planId,
          { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['annual', 'application', 'midterm', 'public'] } },
          { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['docx', 'pdf', 'xlsx', 'html'] } },
          { name: 'year', in: 'query', schema: { type: 'integer' }, description: 'a year with figures; default: the latest' },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh-CN', 'en'] } },
        ],
        responses: {
          '200': {
            description: 'the report file (html is the preview, shown inline)',
            content: {
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {},
              'application/pdf': {},
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
              'text/html': {},
            },
          },
          '400': { description: 'a kind or format that does not exist, or a bad year', content: { 'application/json': { schema: error } } },
          '404': { description: 'unknown plan, or no figures for the year', content: { 'application/json': { schema: error } } },
          '503': { description: 'PDF asked for but Chromium is not installed (the message says what to install)', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/plans/{id}/projects': {
      get: {
        summary: '重点工程项目与汇总 (projects and roll-ups)',
        parameters: [planId],
        responses: {
          '200': {
            description: 'projects',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    count: { type: 'integer' },
                    investmentWan: { type: ['number', 'null'], description: 'null when no project has a stated investment (无数据)' },
                    statedCount: { type: ['integer', 'null'] },
                    statedInvestmentWan: { type: ['number', 'null'] },
                    groups: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          name: { type: 'string' },
                          count: { type: 'integer' },
                          investmentWan: { type: ['number', 'null'], description: 'null when no project has a stated investment (无数据)' },
                          statedCount: { type: ['integer', 'null'] },
                          statedInvestmentWan: { type: ['number', 'null'] },
                        },
                      },
                    },
                  },
                  required: ['count', 'investmentWan', 'statedCount', 'statedInvestmentWan', 'groups'],
                },
              },
            },
          },
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/consistency': {
      get: {
        summary: '规划一致性检查 (plan consistency: what does not add up across indicators, projects, tasks and stated totals, each finding with its lines)',
        parameters: [planId, yearQuery, langQuery],
        responses: {
          '200': {
            description: 'findings',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    plan: { type: 'string' },
                    year: { type: 'integer' },
                    total: { type: 'integer' },
                    checks: {
                      type: 'array',
                      description: 'every check in report order, with its count (0: nothing found)',
                      items: {
                        type: 'object',
                        properties: { kind: findingKind, kindText: { type: 'string' }, severity, severityText: { type: 'string' }, count: { type: 'integer' } },
                        required: ['kind', 'kindText', 'severity', 'count'],
                      },
                    },
                    findings: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          kind: findingKind,
                          kindText: { type: 'string' },
                          severity,
                          message: { type: 'string', description: 'the finding in a sentence naming the figures' },
                          messageKey: { type: 'string' },
                          lines: { type: 'array', items: { type: 'object', properties: { document: { type: 'string' }, line: { type: 'integer' } }, required: ['document', 'line'] } },
                          linesText: { type: 'string', description: 'the lines as text, e.g. 文件001第1937行' },
                          subjects: { type: 'array', items: { type: 'object', description: '{ type: project | indicator | total | footnote, … }' } },
                          figures: { type: ['object', 'null'], description: 'stated, actual and difference (actual − stated) for stated totals' },
                        },
                        required: ['kind', 'severity', 'message', 'lines', 'subjects'],
                      },
                    },
                  },
                  required: ['plan', 'year', 'total', 'checks', 'findings'],
                },
              },
            },
          },
          '400': badYear,
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/tasks': {
      get: {
        summary: '重点任务 (key tasks, as the plan sets them out)',
        parameters: [planId],
        responses: {
          '200': {
            description: 'tasks: headings (chapter, section, subsection) with their clauses',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    plan: { type: 'string' },
                    clauses: { type: 'integer' },
                    tasks: { type: 'array', items: { type: 'object', description: '{ kind, depth, number, title, text, leadUnits, cooperatingUnits, deadline, indicators, source, tasks }' } },
                  },
                },
              },
            },
          },
          '404': unknownPlan,
        },
      },
    },
    '/api/observations': {
      post: {
        summary: '录入现状值（整批成功或整批不保存） (record observations, all or nothing)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  observations: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        plan: { type: 'string' },
                        framework: { type: 'string' },
                        number: { type: 'string' },
                        part: { type: 'string' },
                        year: { type: 'integer' },
                        printed: { type: 'string', description: '如 96.2、大于90、已建立、-' },
                        dataYear: { type: 'integer' },
                        flags: { type: 'array', items: { type: 'string', enum: ['抽样', '代用', '估算', '往年'] } },
                        note: { type: 'string' },
                        reportingUnit: { type: 'string' },
                      },
                      required: ['plan', 'framework', 'number', 'year', 'printed'],
                    },
                  },
                },
                required: ['observations'],
              },
            },
          },
        },
        responses: {
          '201': { description: 'recorded', content: { 'application/json': { schema: { type: 'object', properties: { recorded: { type: 'integer' } } } } } },
          '400': { description: 'malformed request', content: { 'application/json': { schema: error } } },
          '422': { description: 'invalid entries; nothing saved', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/plans/{id}/units': {
      get: {
        summary: '填报单位 (units that lead indicators of the plan)',
        parameters: [planId],
        responses: { '200': { description: '[{ name, indicators }]' }, '404': unknownPlan },
      },
    },
    '/api/plans/{id}/entry': {
      get: {
        summary: '数据填报表 (the indicators a unit leads, with last year’s value, the current value and any draft)',
        parameters: [
          planId,
          { name: 'unit', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'query', required: true, schema: { type: 'integer' } },
        ],
        responses: {
          '200': { description: '{ plan, unit, year, draft, rows: [{ framework, frameworkName, number, part, name, unit, requirement, attribute, hint, previous, current }] }' },
          '400': { description: 'bad year or no unit', content: { 'application/json': { schema: error } } },
          '404': unknownPlan,
        },
      },
    },
    '/api/plans/{id}/drafts': {
      put: {
        summary: '保存草稿 (save what a unit typed; not assessed)',
        parameters: [
          planId,
          { name: 'unit', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'query', required: true, schema: { type: 'integer' } },
        ],
        responses: { '200': { description: '{ savedAt }' }, '400': { description: 'bad request', content: { 'application/json': { schema: error } } } },
      },
    },
    '/api/observations/check': {
      post: {
        summary: '校验现状值（不保存） (check a batch exactly as recording would, saving nothing)',
        responses: { '200': { description: '{ problems: [{ index, field, value, message }] }' }, '400': { description: 'malformed request', content: { 'application/json': { schema: error } } } },
      },
    },
    '/api/confirmations': {
      post: {
        summary: '人工确认无法判定的指标（与计算结果并列保存） (confirm an indeterminate indicator)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  plan: { type: 'string' },
                  framework: { type: 'string' },
                  number: { type: 'string' },
                  year: { type: 'integer' },
                  status: { type: 'string', enum: ['met', 'notMet'] },
                  points: { type: 'number' },
                  reason: { type: 'string', description: '确认理由' },
                },
                additionalProperties: false,
                description: '确认人与日期由服务器按登录账号和当天记录 (who and when are set by the server)',
                required: ['plan', 'framework', 'number', 'year', 'reason'],
              },
            },
          },
        },
        responses: {
          '201': { description: 'recorded' },
          '400': { description: 'malformed request', content: { 'application/json': { schema: error } } },
          '422': { description: 'refused (e.g. the indicator can be computed); nothing saved', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/health': { get: { summary: 'health', responses: { '200': { description: 'ok' } } } },
    '/api/openapi.json': { get: { summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    ...trackingPaths,
    ...accountPaths,
  },
} as const;
