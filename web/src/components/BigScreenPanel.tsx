// A titled block of the big screen: a dark card filling its column.
import type { ReactNode } from 'react';
import { BIG } from '../lib/bigscreen.ts';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function BigScreenPanel({ title, extra, testId, children }: Props) {
  return (
    <section
      data-testid={testId}
      style={{
        flex: 1,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        background: BIG.panel,
        border: `1px solid ${BIG.border}`,
        borderRadius: 10,
        padding: '14px 22px',
        overflow: 'hidden',
      }}
    >
      <div style={{ height: 40, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <h2 style={{ margin: 0, fontSize: 24, fontWeight: 600, color: BIG.text, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {title}
        </h2>
        {extra}
      </div>
      {children}
    </section>
  );
}
