// The command line's own words (src/cli/*.ts): help, refusals of a command line, what was done, Chinese.
// Same keys as cli.en.ts. The tables' words are in zh-CN.ts (table.*, cli.*Line …).
export const cliZhCN: Record<string, string> = {
  'cli.help.main': `ecociv — 生态文明建设规划的数据化评估

用法：
  ecociv plans                          列出规划
  ecociv assess <规划> [--year 年份]     评估指标（默认基准年）
  ecociv projects <规划>                 重点工程项目汇总（与文件所列合计核对）
  ecociv tasks <规划>                    重点任务（按规划文本的章节）
  ecociv check <规划> [--year 年份]      规划一致性检查（项目所列指标、未达标指标、文件合计、牵头单位、注释），逐条注明出处行
  ecociv record <文件.json|.yaml>        录入现状值（整批成功或整批不保存）
  ecociv confirm <规划> <指标体系> <序号> --year 年份 (--status met|notMet | --points 分) --by 确认人 --reason 理由
                                         人工确认无法判定的指标（与计算结果并列保存）
{tracking}
{users}
{backup}
{monitoring}
{hj212}
  ecociv report <规划> --kind 类型 --out 文件 [--year 年份]
                                         生成报告，格式由文件扩展名决定（默认最近有现状值的年份）：
                                         annual 年度自评估报告 .docx .pdf .html；application 申报达标情况表 .xlsx；
                                         midterm 中期/终期评估报告 .docx .pdf .html；public 信息公开摘要 .docx .pdf .html
  ecociv report --all --out-dir 目录 [--year 年份]
                                         为库中每个规划生成全部报告（每个规划一个子目录），逐个报告进度
  ecociv serve                           启动 HTTP 服务（PORT，默认 3000）

选项：
  --format table|json   输出格式（默认 table，中文）
  --lang zh-CN|en       表格语言（默认 zh-CN）

配置：DATABASE_URL（PostgreSQL 服务器；不设则使用内置 PGlite），ECOCIV_DATA_DIR（PGlite 数据目录，默认 ./data/store），PORT`,
  'cli.help.tracking': `  ecociv progress <规划> [--as-of 日期]    项目进度：汇总（与文件所列合计核对）与预警
  ecociv departments <规划> --year 年份   部门考核：各单位得分、排名和理由
  ecociv supervise <规划> [--as-of 日期]   对逾期的年度工作任务下发督办单
  ecociv import progress|projects|work-plan <规划> <文件.xlsx>
                                         导入进度表、项目表或年度工作计划（逐行校验，全部通过才保存）
  ecociv export progress|projects|work-plan|departments <规划> --out <文件.xlsx> [--year 年份] [--period 2024-Q1]
                                         导出为 Excel（进度表即填报模板）`,
  'cli.help.users': `  ecociv users add <用户名> --name 姓名 --role admin|planOffice|clerk|reviewer|leader|public [--region 地区] [--unit 单位]
                                         新建账号（密码取自环境变量 ECOCIV_PASSWORD 或标准输入的第一行）
  ecociv users list                      列出账号及其角色
  ecociv users set-password <用户名>      重设密码（同上），并结束该账号的所有会话`,
  'cli.help.backup': `  ecociv backup <文件>                    备份整个数据库（一致的快照；gzip 压缩的 NDJSON，含校验和，用本机的备份密钥签名）
  ecociv restore <文件> [--trust-unsigned] 从备份恢复（只能恢复到空库或只有内置数据的新建库；全部成功或不做改动）；
                                         没有签名或签名与本机密钥不符的文件，只有加 --trust-unsigned 才恢复
                                         备份密钥：ECOCIV_BACKUP_KEY 或 ECOCIV_BACKUP_KEY_FILE，默认为数据目录旁的 ecociv-backup.key（首次备份时生成）`,

  'cli.error.confirmArgs': '请指定规划、指标体系、序号和 --year。',
  'cli.error.needFile': '请指定要录入的文件。',
  'cli.error.needPlan': '请指定规划编号（见 ecociv plans）。',
  'cli.error.needOutDir': '请用 --out-dir 指定输出目录。',
  'cli.error.needPlanOrAll': '请指定规划编号（见 ecociv plans），或用 --all 生成全部规划的报告。',
  'cli.error.needKind': '请用 --kind 指定报告类型：annual、application、midterm、public。',
  'cli.error.needOut': '请用 --out 指定输出文件，格式由扩展名决定（如 --out 报告.pdf）。',
  'cli.error.badPoints': '得分“{value}”无效，应为数字。',
  'cli.error.readFile': '无法读取文件 {file}：{detail}',
  'cli.error.entriesFormat': '文件 {file} 格式有误（应为 JSON 或 YAML）：{detail}',
  'cli.error.entriesList': '文件 {file} 应包含 observations 列表，且至少一条。',
  'cli.error.badDate': '日期“{value}”无效，应为 YYYY-MM-DD。',
  'cli.error.need': '请指定{what}。',
  'cli.what.plan': '规划编号',
  'cli.what.xlsxFile': '要导入的 .xlsx 文件',
  'cli.error.departmentsYear': '请用 --year 指定考核年度。',
  'cli.error.importDepartments': '部门考核由系统计算，不能导入。',
  'cli.error.needOutXlsx': '请用 --out 指定输出文件（.xlsx）。',
  'cli.error.outXlsx': '输出文件“{file}”的扩展名应为 .xlsx。',
  'cli.error.exchangeKind': '导入导出的内容“{value}”无效，应为 {kinds}。',
  'cli.failure.entries': '数据未保存，发现 {n} 处错误：\n{detail}',
  'cli.failure.batch': '未保存，发现 {n} 处错误：\n{detail}',
  'cli.failure.data': '内置数据有误，无法启动：\n{detail}',

  'cli.done.confirmed': '已保存确认。',
  'cli.done.recorded': '已保存 {n} 条现状值。',
  'cli.done.imported': '已导入：{detail}',
  'cli.done.written': '已写出 {file}（{bytes} 字节）。',
  'cli.assess.title': '{title}（{region}，{year}年）',
  'cli.assess.statedCommitment': '{commitment}{year}年',
  'cli.assess.confirmedNote': '* 经确认的判定（详见 --format json）',
  'cli.projects.missingInvestment': '{n} 个项目文件中未列投资额，未计入合计（无数据）。',
  'cli.projects.approximate': '文件所列合计为约数。',
  'cli.tasks.line': '（第{line}行）',
  'cli.tasks.leadUnits': ' 牵头：{units}',
  'cli.tasks.deadline': ' 时限：{deadline}',
  'cli.tasks.count': '共 {n} 条任务条目。',
  'cli.departments.title': '{title} {year}年度部门考核（截至{asOf}；权重：{weights}）',
  'cli.supervise.none': '没有需要督办的逾期任务。',
  'cli.supervise.issued': '已下发督办单 {n} 份：',

  'cli.users.col.username': '用户名',
  'cli.users.col.name': '姓名',
  'cli.users.col.roles': '角色',
  'cli.users.col.state': '状态',
  'cli.users.disabled': '停用',
  'cli.users.active': '正常',
  'cli.users.error.needNameRole': '请指定用户名和 --role。',
  'cli.users.error.noAccount': '没有账号“{username}”。',
  'cli.users.error.subcommand': 'users 的子命令“{value}”无效。',
  'cli.users.added': '已新建账号 {username}（编号 {id}）。',
  'cli.users.passwordReset': '已重设 {username} 的密码，其所有会话已结束。',
  'cli.password': '密码：',

  'cli.backup.needFile': '请指定备份到哪个文件，例如：ecociv backup ecociv-备份.ndjson.gz',
  'cli.restore.needFile': '请指定要恢复的备份文件，例如：ecociv restore ecociv-备份.ndjson.gz',
  'cli.backup.done': '已备份到 {file}：{tables} 张表，{rows} 行，{size}，数据库结构第 {version} 版（{engine}），用时 {seconds} 秒。',
  'cli.restore.migrated': '，并升级到第 {version} 版',
  'cli.restore.done': '已从 {file}（{createdAt}，{from}）恢复到 {location}：{tables} 张表，{rows} 行{migrated}，用时 {seconds} 秒。',
};
