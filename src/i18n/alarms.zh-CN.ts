// Early warning of pollution sources (src/domain/alarms.ts): the reasons of findings, the lifecycle states and
// refused transitions.
export const alarmsZhCN: Record<string, string> = {
  'alarms.reason.exceedance': '{pollutant} 在 {from} 至 {to} 共 {count} 个均值超过许可排放限值 {limit}{unit}（{basis}），最高 {max}{unit}，超标 {multiple} 倍。',
  'alarms.reason.stuck': '{pollutant} 自 {from} 至 {to} 连续 {hours} 小时数值不变（{value}），疑似数据恒定。',
  'alarms.reason.zero': '{pollutant} 在 {from} 至 {to} 有 {count} 个数据为零值。',
  'alarms.reason.negative': '{pollutant} 在 {from} 至 {to} 有 {count} 个数据为负值，最低 {min}。',
  'alarms.reason.outOfRange': '{pollutant} 在 {from} 至 {to} 有 {count} 个数据超出仪器量程或不合理（最高 {max}，量程 {range}）。',
  'alarms.reason.silent': '设备自 {from} 起已 {hours} 小时未上传数据（应每 {interval} 分钟上传，超过 {factor} 个周期）。',
  'alarms.reason.lowTransmission': '{pollutant} {day} 的数据传输有效率为 {rate}%（有效 {valid} 个，应传 {expected} 个），低于 {threshold}%。',
  'alarms.basis.measured': '实测值',
  'alarms.basis.converted': '折算值',
  'alarms.state.raised': '产生',
  'alarms.state.acknowledged': '确认',
  'alarms.state.handling': '处置',
  'alarms.state.closed': '关闭',
  'alarms.none': '无',
  'alarms.error.order': '报警当前为“{from}”，不能直接转为“{to}”；下一步应为：{expected}。',
  'alarms.error.closeNote': '关闭报警需要填写处置说明或证据材料。',
};
