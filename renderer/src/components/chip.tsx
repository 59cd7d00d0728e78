// Status chip: an icon plus text, tinted by tone (never colour alone).
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import { Spinner } from './spinner';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info' | 'accent';

const toneIcon: Record<Tone, IconName> = {
  neutral: 'dot',
  ok: 'checkCircle',
  warn: 'alert',
  danger: 'error',
  info: 'info',
  accent: 'dot',
};

export function Chip(props: { tone?: Tone; icon?: IconName | 'spinner' | null; children: ReactNode; testId?: string; title?: string }) {
  const tone = props.tone ?? 'neutral';
  const icon = props.icon === undefined ? toneIcon[tone] : props.icon;
  return (
    <span className={`chip tone-${tone}`} data-testid={props.testId} title={props.title}>
      {icon === 'spinner' ? <Spinner size={12} /> : icon ? <Icon name={icon} size={13} /> : null}
      <span>{props.children}</span>
    </span>
  );
}
