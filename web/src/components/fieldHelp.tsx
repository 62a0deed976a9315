// The server's problems with one form field, as props for antd's Form.Item (red outline, messages under it).
import type { FormItemProps } from 'antd';

export function fieldHelp(problems: Record<string, string[]>, field: string, testPrefix: string): Pick<FormItemProps, 'validateStatus' | 'help'> {
  const list = problems[field];
  if (!list || list.length === 0) return {};
  return {
    validateStatus: 'error',
    help: (
      <span role="alert" data-testid={`${testPrefix}-error-${field}`}>
        {list.map((m, i) => (
          <span key={i} style={{ display: 'block' }}>
            {m}
          </span>
        ))}
      </span>
    ),
  };
}
