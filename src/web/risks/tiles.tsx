import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

/** A count with what it counts, as a tile of a summary (`<dl className="tiles">`). */
export function Tile({
  label,
  value,
  tone,
  children,
}: {
  label: string;
  value: number;
  tone?: 'treat' | 'ok' | 'up' | 'down' | undefined;
  children?: ReactNode;
}) {
  const { formatNumber } = useT();
  return (
    <div className={`tile${tone && value ? ` tile--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        {formatNumber(value)}
        {children}
      </dd>
    </div>
  );
}
