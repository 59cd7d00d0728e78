// The app shell: header, navigation, the routed page, toasts. Marks the document ready once the
// first data (app.info and settings) is on screen.
import { useEffect } from 'react';
import { Spinner } from '../components/spinner';
import { ConnectionsPage } from '../features/connections/connections-page';
import { ErrorPanel } from '../features/connections/error-panel';
import { ProfileEditorPage } from '../features/connections/profile-editor';
import { MonitorPage } from '../features/monitor/monitor-page';
import { PipelinesPage } from '../features/pipelines/pipelines-page';
import { ProducerPage } from '../features/producer/producer-page';
import { SchemaPage } from '../features/schema/schema-page';
import { SettingsPage } from '../features/settings/settings-page';
import { Wizard } from '../features/wizard/wizard';
import { useI18n } from '../i18n/context';
import { useApp, useStores } from '../stores/context';
import type { Route } from '../stores/router-store';
import { loadInitialData } from '../stores/stores';
import { Header } from './header';
import { Sidebar } from './sidebar';
import { PipelineAnnouncer } from './pipeline-announcer';
import { useRouteFocus } from './route-focus';
import { Toasts } from './toasts';

function RoutedPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'connections':
      if (route.view === 'wizard') return <Wizard />;
      if (route.view === 'edit') return <ProfileEditorPage id={route.id} />;
      return <ConnectionsPage />;
    case 'pipelines':
      return <PipelinesPage />;
    case 'schema':
      return <SchemaPage />;
    case 'producer':
      return <ProducerPage />;
    case 'monitor':
      return <MonitorPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App() {
  const { t } = useI18n();
  const stores = useStores();
  const route = useApp('router', (s) => s.route);
  const ready = useApp('app', (s) => s.ready);
  const error = useApp('app', (s) => s.error);
  useRouteFocus(route);

  // After the commit that shows the data, so tests waiting on the sentinel see a settled page.
  useEffect(() => {
    if (ready !== 'pending') document.documentElement.dataset.ready = ready === 'ready' ? 'true' : 'error';
  }, [ready]);

  let content;
  if (ready === 'pending') content = <div className="page-loading"><Spinner size={20} label={t('common.loading')} /></div>;
  else if (ready === 'failed' && error) {
    content = (
      <div className="page page-narrow" data-testid="app-error">
        <h1 className="page-title">{t('app.unreachable')}</h1>
        <ErrorPanel error={error} />
        <button type="button" className="btn btn-primary" onClick={() => void loadInitialData(stores)}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else content = <RoutedPage route={route} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skip')}
      </a>
      <Header />
      <Sidebar />
      <main id="main" className="content" tabIndex={-1}>
        {content}
      </main>
      <Toasts />
      <PipelineAnnouncer />
    </div>
  );
}
