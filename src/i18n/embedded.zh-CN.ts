// One owner per embedded data directory (src/store/dirLock.ts, src/cli/remote.ts), Chinese. Same keys as embedded.en.ts.
export const embeddedZhCN: Record<string, string> = {
  'embedded.busy.serveTwice': '已有 ecociv 服务在使用数据目录 {dir}（进程号 {pid}，端口 {port}）。同一个数据目录只能由一个服务使用：请直接使用正在运行的服务，或先停止它再启动。',
  'embedded.busy.restoreWhileServing':
    '数据目录 {dir} 正由运行中的 ecociv 服务使用（进程号 {pid}），不能恢复到这里：恢复只能恢复到空库或新建库。请恢复到一个新目录（ECOCIV_DATA_DIR=新目录 ecociv restore 备份文件），再用该目录启动服务；或先停止服务再恢复。未做任何改动。',
  'embedded.busy.server': '数据目录 {dir} 正由 ecociv 服务使用（进程号 {pid}），命令无法交给它执行。请稍后再试，或先停止服务。',
  'embedded.busy.command': '数据目录 {dir} 正由另一条 ecociv 命令使用（进程号 {pid}：{command}，开始于 {since}）。同一时间只能有一个程序写这个数据目录：请等它结束后再试。',
  'embedded.remote.starting': '数据目录 {dir} 的 ecociv 服务（进程号 {pid}）正在启动，{seconds} 秒内仍未就绪。请稍后再试。',
  'embedded.remote.unreachable': '数据目录 {dir} 正由 ecociv 服务使用（进程号 {pid}），但在本机连不上它（{detail}）。请确认服务在本机监听 127.0.0.1 或 0.0.0.0，或先停止服务再运行此命令。未做任何改动。',
  'embedded.remote.lost': '与 ecociv 服务的连接中断，命令是否完成无法确定（{detail}）。请查看服务是否仍在运行，再核对结果。',
  'embedded.remote.noExit': '服务没有给出结束状态',
  'embedded.remote.failed': '命令执行出错：{detail}',
  'embedded.remote.forbidden': '只有本机上的 ecociv 命令行可以这样调用服务。',
  'embedded.remote.badRequest': '命令行请求有误：应包含命令的参数和所在目录。',
};
