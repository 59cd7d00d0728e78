// Top bar: app name and the bridge connection state (icon + text, announced when it changes).
import { Chip } from '../components/chip';
import { useI18n } from '../i18n/context';
import { useApp } from '../stores/context';

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="logo">
      <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--accent)" />
      <path d="M6 8h5M6 12h8M6 16h5" stroke="var(--accent-contrast)" strokeWidth="2" strokeLinecap="round" />
      <circle cx="17" cy="8" r="1.6" fill="var(--accent-contrast)" />
      <circle cx="17" cy="16" r="1.6" fill="var(--accent-contrast)" />
    </svg>
  );
}

export function Header() {
  const { t } = useI18n();
  const bridge = useApp('app', (s) => s.bridge);
  const ever = useApp('app', (s) => s.everConnected);
  const host = useApp('app', (s) => s.info?.host);

  let chip;
  if (bridge === 'open') chip = <Chip tone="ok">{host === 'browser' ? t('bridge.open.browser') : t('bridge.open')}</Chip>;
  else if (bridge === 'connecting') chip = <Chip tone={ever ? 'warn' : 'info'} icon="spinner">{ever ? t('bridge.reconnecting') : t('bridge.connecting')}</Chip>;
  else chip = <Chip tone="danger">{t('bridge.closed')}</Chip>;

  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="topbar-right" role="status" aria-live="polite" data-testid="bridge-state" data-state={bridge}>
        {chip}
      </div>
    </header>
  );
}
