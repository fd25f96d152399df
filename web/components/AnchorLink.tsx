// A Mantine-styled in-app link: plain clicks navigate without a reload, others open normally.
import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { onLinkClick } from '../router.tsx';

export function AnchorLink({
  to,
  children,
  ...rest
}: AnchorProps & { to: string; children: ReactNode; 'data-testid'?: string; lineClamp?: number }) {
  return (
    <Anchor
      href={to}
      onClick={(e) => onLinkClick(e, to)}
      style={{ overflowWrap: 'anywhere' }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}
