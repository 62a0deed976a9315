// Early warning of pollution sources (src/domain/alarms.ts), English.
export const alarmsEn: Record<string, string> = {
  'alarms.reason.exceedance': '{pollutant}: {count} means from {from} to {to} above the permitted limit {limit}{unit} ({basis}); highest {max}{unit}, {multiple} times over.',
  'alarms.reason.stuck': '{pollutant}: the same value ({value}) for {hours} hours from {from} to {to}; the data may be stuck.',
  'alarms.reason.zero': '{pollutant}: {count} values of zero from {from} to {to}.',
  'alarms.reason.negative': '{pollutant}: {count} negative values from {from} to {to}; lowest {min}.',
  'alarms.reason.outOfRange': '{pollutant}: {count} values outside the instrument’s range or implausible from {from} to {to} (highest {max}, range {range}).',
  'alarms.reason.silent': 'The device has sent nothing for {hours} hours since {from} (expected every {interval} minutes; more than {factor} intervals).',
  'alarms.reason.lowTransmission': '{pollutant}: data transmission efficiency on {day} was {rate}% ({valid} valid of {expected} expected), below {threshold}%.',
  'alarms.basis.measured': 'measured',
  'alarms.basis.converted': 'converted to reference oxygen',
  'alarms.state.raised': 'raised',
  'alarms.state.acknowledged': 'acknowledged',
  'alarms.state.handling': 'handling',
  'alarms.state.closed': 'closed',
  'alarms.none': 'none',
  'alarms.error.order': 'The alarm is {from}; it cannot become {to} directly; next: {expected}.',
  'alarms.error.closeNote': 'Closing an alarm needs a note on what was done or a reference to evidence.',
};
