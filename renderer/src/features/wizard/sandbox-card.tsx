// "Use local sandbox": starts Kafka and Milvus on this machine (stack script on the main side),
// shows live progress from 'sandbox.progress', then hands the connections to the wizard.
import { useEffect } from 'react';
import type { ServiceState, SandboxStatus } from '../../../../shared/domain';
import { BusyButton } from '../../components/busy-button';
import { Chip, type Tone } from '../../components/chip';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { sandboxReady } from '../../stores/sandbox-store';
import { ErrorPanel } from '../connections/error-panel';

const serviceTone: Record<ServiceState, Tone> = { down: 'neutral', installing: 'info', starting: 'info', up: 'ok', error: 'danger' };

function ServiceRow({ name, state }: { name: string; state: ServiceState }) {
  const { t } = useI18n();
  const busy = state === 'installing' || state === 'starting';
  return (
    <li className="service-row" data-testid={`sandbox-${name.toLowerCase()}`} data-state={state}>
      <Icon name={name === 'Kafka' ? 'kafka' : 'milvus'} size={16} />
      <span className="service-name">{name}</span>
      <Chip tone={serviceTone[state]} icon={busy ? 'spinner' : undefined}>
        {t(`sandbox.state.${state}`)}
      </Chip>
    </li>
  );
}

export function SandboxCard({ onReady, filled }: { onReady: (status: SandboxStatus) => void; filled: boolean }) {
  const { t } = useI18n();
  const { sandbox } = useStores();
  const status = useApp('sandbox', (s) => s.status);
  const starting = useApp('sandbox', (s) => s.starting);
  const error = useApp('sandbox', (s) => s.error);
  const running = sandboxReady(status);
  const failed = !starting && (status?.kafka === 'error' || status?.milvus === 'error');

  useEffect(() => {
    void sandbox.getState().refresh();
  }, [sandbox]);

  async function go() {
    const s = running && status ? status : await sandbox.getState().start({ kafka: t('sandbox.kafkaName'), milvus: t('sandbox.milvusName') });
    if (s && sandboxReady(s)) onReady(s);
  }

  const showProgress = starting || failed || (status && status.kafka !== 'down' && !running);
  return (
    <section className="sandbox-card" data-testid="sandbox-card" aria-labelledby="sandbox-title">
      <div className="sandbox-head">
        <div className="sandbox-icon">
          <Icon name="box" size={20} />
        </div>
        <div className="sandbox-text">
          <h2 id="sandbox-title">{t('sandbox.title')}</h2>
          <p>{running ? t('sandbox.running') : t('sandbox.body')}</p>
        </div>
        <div className="sandbox-action">
          {filled ? (
            <Chip tone="ok" testId="sandbox-filled">
              {t('sandbox.filled')}
            </Chip>
          ) : (
            <BusyButton type="button" className="btn btn-primary" onClick={() => void go()} busy={starting} data-testid="sandbox-start">
              <Icon name={running ? 'arrowRight' : 'zap'} size={15} />
              {starting ? t('sandbox.starting') : running ? t('sandbox.use') : failed ? t('common.retry') : t('sandbox.start')}
            </BusyButton>
          )}
        </div>
      </div>
      <div role="status" aria-live="polite">
        {showProgress && status ? (
          <div className="sandbox-progress" data-testid="sandbox-progress">
            <ul className="service-list">
              <ServiceRow name="Kafka" state={status.kafka} />
              <ServiceRow name="Milvus" state={status.milvus} />
            </ul>
            {status.message ? <p className="sandbox-message mono">{status.message}</p> : null}
            {starting ? <p className="muted small">{t('sandbox.firstRun')}</p> : null}
          </div>
        ) : null}
        {starting && !status ? <Chip tone="info" icon="spinner">{t('sandbox.starting')}</Chip> : null}
      </div>
      {error ? <ErrorPanel error={error} testId="sandbox-error" /> : null}
      {failed && !error ? <ErrorPanel error={{ code: 'sandbox_failed', message: status?.message ?? 'sandbox failed' }} testId="sandbox-error" /> : null}
    </section>
  );
}
