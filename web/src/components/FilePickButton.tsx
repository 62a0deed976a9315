// A button that opens the file chooser (a hidden file input), for uploads sent as the request body itself.
import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

interface Props {
  accept: string;
  onFile: (file: File) => void;
  loading?: boolean;
  children: ReactNode;
  testId?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

export function FilePickButton({ accept, onFile, loading, children, testId, size, type }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size={size} type={type} loading={loading} onClick={() => input.current?.click()} data-testid={testId}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        style={{ display: 'none' }}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after a correction
          if (file) onFile(file);
        }}
      />
    </>
  );
}
