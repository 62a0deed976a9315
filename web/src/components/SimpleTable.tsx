// A light read-only table for small summaries on the overview, styled like antd's small table, so the
// overview does not load antd's Table (about 60 KB gzipped) for a handful of rows.
import type { ReactNode } from 'react';

export interface SimpleColumn<T> {
  key: string;
  title: ReactNode;
  align?: 'left' | 'right';
  width?: number;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  columns: SimpleColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  title?: ReactNode;
  /** a last row in bold, e.g. totals */
  footer?: ReactNode[];
}

export function SimpleTable<T>({ columns, rows, rowKey, title, footer }: Props<T>) {
  return (
    <div className="simple-table">
      {title ? <div className="simple-table-title">{title}</div> : null}
      <div className="simple-table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} style={{ textAlign: c.align ?? 'left', width: c.width }}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer ? (
            <tfoot>
              <tr>
                {footer.map((cell, i) => (
                  <td key={columns[i]?.key ?? i} style={{ textAlign: columns[i]?.align ?? 'left' }}>
                    {cell}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
