// Label/value pairs in the detail drawer, with one label width throughout.
import { Descriptions, type DescriptionsProps } from 'antd';

export function DetailList({ items, column = 1 }: { items: NonNullable<DescriptionsProps['items']>; column?: number }) {
  return (
    <Descriptions
      size="small"
      column={column}
      bordered
      items={items}
      styles={{ label: { width: column === 1 ? 132 : 112, verticalAlign: 'top' } }}
    />
  );
}
