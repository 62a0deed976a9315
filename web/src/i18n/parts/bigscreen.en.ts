// English UI text of the 大屏 (big screen) page: the same keys as bigscreen.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNBigscreen from './bigscreen.zh-CN.ts';

const enBigscreen: Record<keyof typeof zhCNBigscreen, string> = {
  'bigscreen.year': '{year}',
  'bigscreen.updated': 'Updated {time}',
  'bigscreen.refreshFailed': 'Refresh failed; retrying in {seconds} s',
  'bigscreen.exit': 'Leave wall display',
  'bigscreen.metOf': 'met',
  'bigscreen.unmet': 'Indicators not met ({n})',
  'bigscreen.unmetNone': 'Every applicable indicator is met.',
  'bigscreen.more': '{n} more: see the indicators page',
  'bigscreen.value': 'value {v}',
  'bigscreen.requirement': 'required {v}',
  'bigscreen.yi': '{n} 100M yuan',
  'bigscreen.chartLabel': 'Investment by project group, bar chart (10k yuan)',
  'bigscreen.alarms.title': 'Pollution-source alarms',
  'bigscreen.alarms.count': '{n} open',
  'bigscreen.alarms.offline': '(connection lost, reconnecting)',
  'bigscreen.alarms.none': 'No open alarms.',
  'bigscreen.alarms.new': 'New',
  'bigscreen.alarms.assigned': 'sent to {unit}, due {deadline}',
  'bigscreen.alarms.kind.exceedance': 'Exceedance',
  'bigscreen.alarms.kind.stuck': 'Constant data',
  'bigscreen.alarms.kind.zero': 'Zero values',
  'bigscreen.alarms.kind.negative': 'Negative values',
  'bigscreen.alarms.kind.outOfRange': 'Out of range',
  'bigscreen.alarms.kind.silent': 'Device silent',
  'bigscreen.alarms.kind.lowTransmission': 'Low transmission',
};

export default enBigscreen;
