// Left navigation: real links (hash routes), keyboard focusable, current page marked.
import { Icon, type IconName } from '../components/icons';
import { useI18n } from '../i18n/context';
import { useApp } from '../stores/context';
import type { Page } from '../stores/router-store';

const MAIN: readonly [Page, IconName][] = [
  ['connections', 'plug'],
  ['pipelines', 'pipeline'],
  ['schema', 'schema'],
  ['producer', 'send'],
  ['monitor', 'chart'],
];

function NavItem({ page, icon, current }: { page: Page; icon: IconName; current: boolean }) {
  const { t } = useI18n();
  return (
    <li>
      <a href={`#/${page}`} className={current ? 'nav-item active' : 'nav-item'} aria-current={current ? 'page' : undefined} data-testid={`nav-${page}`}>
        <Icon name={icon} size={17} />
        <span>{t(`nav.${page}`)}</span>
      </a>
    </li>
  );
}

export function Sidebar() {
  const { t } = useI18n();
  const page = useApp('router', (s) => s.route.page);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul className="nav-list">
        {MAIN.map(([p, icon]) => (
          <NavItem key={p} page={p} icon={icon} current={page === p} />
        ))}
      </ul>
      <ul className="nav-list nav-bottom">
        <NavItem page="settings" icon="settings" current={page === 'settings'} />
      </ul>
    </nav>
  );
}
