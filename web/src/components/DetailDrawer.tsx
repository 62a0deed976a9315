// The side panel every "open a row" shows: closed by Esc or its button, focus handed back to the row after
// it has slid away (afterClose), its content dropped when hidden.
import { Drawer } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  /** after the panel has closed: hand the focus back (to the row that opened it) */
  afterClose: () => void;
  size: number;
  title: ReactNode;
  extra?: ReactNode;
  testId: string;
  children: ReactNode;
}

export function DetailDrawer({ open, onClose, afterClose, size, title, extra, testId, children }: Props) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(o) => {
        if (!o) afterClose();
      }}
      size={size}
      title={title}
      extra={extra}
      destroyOnHidden
      data-testid={testId}
    >
      {children}
    </Drawer>
  );
}
