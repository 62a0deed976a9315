// OpenAPI paths of sign-in, accounts, the audit trail, review and publication, and the public summary.
import { errorSchema } from './openapiTracking.ts';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, ...json(errorSchema) });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } }) as const;
const query = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }) as const;
const body = (properties: Record<string, object>, required: string[]) => ({ required: true, ...json({ type: 'object', properties, required }) });
const signIn = err('not signed in');
const forbidden = err('the role may not do this, or the CSRF token is missing');
const refused = err('refused: every problem listed; nothing saved');
const outsideRegions = err('the role may not do this; or (an administrator held in a region) the account or a role it grants lies outside that region');
const locked = err('too many failed attempts on this user name (existing or not): locked for 15 minutes; Retry-After');
const throttled = err('too many failed sign-ins from this address: wait; Retry-After');
const roleEntry = { type: 'object', properties: { role: { type: 'string', enum: ['admin', 'planOffice', 'clerk', 'reviewer', 'leader', 'public'] }, region: { type: 'string' }, unit: { type: 'string' } }, required: ['role'] };

export const accountPaths = {
  '/api/setup': {
    get: { summary: '是否需要初始设置（尚无任何账号） (is the first administrator still to be created?)', responses: { '200': { description: '{ needed }' } } },
    post: {
      summary: '初始设置：创建第一个系统管理员（仅在没有任何账号时） (create the first administrator)',
      requestBody: body({ username: { type: 'string' }, displayName: { type: 'string' }, password: { type: 'string', minLength: 10 } }, ['username', 'displayName', 'password']),
      responses: { '201': { description: '{ id }' }, '422': refused },
    },
  },
  '/api/session': {
    get: { summary: '当前会话：用户、角色与防伪令牌 (the signed-in user and the CSRF token, or user null)', responses: { '200': { description: '{ user, csrfToken } | { user: null, setupNeeded }' } } },
    post: {
      summary: '登录：会话保存在 HttpOnly、SameSite=Strict 的 Cookie 中；同一用户名（无论是否存在）失败 5 次锁定 15 分钟，同一地址失败过多须等待 (sign in)',
      requestBody: body({ username: { type: 'string' }, password: { type: 'string' } }, ['username', 'password']),
      responses: { '200': { description: '{ user, csrfToken } and Set-Cookie' }, '401': err('wrong user name or password'), '403': err('account disabled'), '423': locked, '429': throttled },
    },
    delete: { summary: '退出登录 (sign out)', responses: { '200': { description: 'signed out' }, '401': signIn, '403': forbidden } },
  },
  '/api/session/everywhere': { post: { summary: '在所有设备上退出 (sign out everywhere)', responses: { '200': { description: '{ signedOut }' }, '401': signIn, '403': forbidden } } },
  '/api/me/password': {
    post: {
      summary: '修改本人密码（之后须重新登录）；当前密码输错与登录失败一并计数 (change my password)',
      requestBody: body({ current: { type: 'string' }, password: { type: 'string' } }, ['current', 'password']),
      responses: { '200': { description: 'changed' }, '401': signIn, '403': err('wrong current password, or the CSRF token is missing'), '422': refused, '423': locked, '429': throttled },
    },
  },
  '/api/users': {
    get: { summary: '账号及其角色（系统管理员；地区管理员只见本地区的账号） (users and roles within the administrator\'s regions)', responses: { '200': { description: 'users' }, '401': signIn, '403': forbidden } },
    post: {
      summary: '新建账号（系统管理员） (create a user)',
      requestBody: body({ username: { type: 'string' }, displayName: { type: 'string' }, password: { type: 'string' }, roles: { type: 'array', items: roleEntry } }, ['username', 'displayName', 'password', 'roles']),
      responses: { '201': { description: '{ id }' }, '401': signIn, '403': outsideRegions, '422': refused },
    },
  },
  '/api/users/{userId}': {
    put: {
      summary: '修改账号：姓名、角色、停用、重设密码（其会话随之结束） (update a user)',
      parameters: [path('userId')],
      requestBody: body({ displayName: { type: 'string' }, roles: { type: 'array', items: roleEntry }, disabled: { type: 'boolean' }, password: { type: 'string' } }, []),
      responses: { '200': { description: 'updated' }, '400': err('bad id'), '401': signIn, '403': outsideRegions, '404': err('no such user'), '422': refused },
    },
  },
  '/api/cli/run': {
    post: {
      summary:
        '本机命令行：把 ecociv 命令交给占用内置数据目录的服务执行（仅限回环地址，凭数据目录锁文件中的令牌；浏览器会话无论何种角色都不能调用） (the command line of this machine runs a command in the server that owns the embedded data directory: loopback only, with the lock file’s token in x-ecociv-cli-token; never a browser session)',
      requestBody: body({ argv: { type: 'array', items: { type: 'string' } }, cwd: { type: 'string' }, password: { type: 'string' } }, ['argv', 'cwd']),
      responses: { '200': { description: 'NDJSON: {"out"} and {"err"} lines, then {"exit"}' }, '400': err('malformed request'), '403': err('not the command line of this machine') },
    },
  },
  '/api/audit': {
    get: {
      summary: '审计记录（只增不改）：谁、何时、从何处、做了什么、前后内容 (the audit trail, newest first)',
      parameters: [query('plan', 'plan id'), query('actor', 'part of the actor name'), query('action', 'e.g. observation.record'), query('entity', 'e.g. observation'), query('from', 'YYYY-MM-DD'), query('to', 'YYYY-MM-DD'), query('limit', 'default 200, at most 5000'), query('before', 'records before this id')],
      responses: { '200': { description: 'records' }, '401': signIn, '403': forbidden },
    },
  },
  '/api/plans/{id}/public': {
    get: {
      summary: '信息公开：达标情况、得分与项目合计（不含内部说明、理由和责任单位） (the public summary)',
      parameters: [path('id'), query('year', 'four-digit year'), query('lang', 'zh-CN or en')],
      responses: { '200': { description: 'public summary of a published year (the latest when no year is given)' }, '400': err('bad year'), '404': err('nothing published: the same answer for an unknown plan, a plan with nothing published and a year not published') },
    },
  },
  '/api/plans/{id}/review': {
    get: { summary: '待审核的数值与修订，已发布的年度 (what awaits review)', parameters: [path('id')], responses: { '200': { description: '{ figures, revisions, published }' }, '401': signIn, '403': forbidden, '404': err('unknown plan') } },
  },
  '/api/observations/review': {
    post: {
      summary: '审核数值或修订：通过，或退回并写明原因 (approve or return figures and revisions)',
      requestBody: body({ plan: { type: 'string' }, year: { type: 'integer' }, figures: { type: 'array', items: { type: 'object' } }, revisions: { type: 'array', items: { type: 'integer' } }, decision: { type: 'string', enum: ['approved', 'returned'] }, comment: { type: 'string' } }, ['plan', 'year', 'decision']),
      responses: { '200': { description: '{ figures, revisions }' }, '401': signIn, '403': forbidden, '422': refused },
    },
  },
  '/api/observations/revisions': {
    post: {
      summary: '修订已发布年度的数值（须说明理由，审核通过后生效，新旧值均保留） (revise a locked figure)',
      requestBody: body({ plan: { type: 'string' }, framework: { type: 'string' }, number: { type: 'string' }, part: { type: 'string' }, year: { type: 'integer' }, printed: { type: 'string' }, reason: { type: 'string' } }, ['plan', 'framework', 'number', 'year', 'printed', 'reason']),
      responses: { '201': { description: '{ id }' }, '401': signIn, '403': forbidden, '422': refused },
    },
  },
  '/api/plans/{id}/publications': {
    post: {
      summary: '发布年度评估：所有数值须已审核通过；发布后数值锁定 (publish a year)',
      parameters: [path('id')],
      requestBody: body({ year: { type: 'integer' } }, ['year']),
      responses: { '201': { description: '{ published }' }, '401': signIn, '403': forbidden, '404': err('unknown plan'), '422': refused },
    },
  },
} as const;
