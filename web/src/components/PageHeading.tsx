// A page's heading (region and what the page is) with the plan's title under it, and room for controls.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeading({ title, subtitle, extra }: { title: string; subtitle: string; extra?: ReactNode }) {
  return (
    <Flex wrap gap={12} align="flex-end" justify="space-between">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{subtitle}</Typography.Text>
      </div>
      {extra}
    </Flex>
  );
}
