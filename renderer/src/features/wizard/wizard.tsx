// Connection wizard: 1 Kafka, 2 Milvus, 3 Review & save. Opens by itself on first run.
import { useLayoutEffect, useRef, useState } from 'react';
import type { SandboxStatus } from '../../../../shared/domain';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { BusyButton } from '../../components/busy-button';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import type { Route } from '../../stores/router-store';
import { WIZARD_STEPS, planWizardSave, type WizardStep } from '../../stores/wizard-store';
import { describeError } from '../../i18n/describe-error';
import { KafkaEditor, MilvusEditor } from '../connections/editors';
import { kafkaFormToConnection, milvusFormToConnection } from '../connections/form-model';
import { ReviewStep } from './review-step';
import { SandboxCard } from './sandbox-card';
import { SavedPicker } from './saved-picker';

function Stepper({ step, onGo }: { step: WizardStep; onGo: (s: WizardStep) => void }) {
  const { t } = useI18n();
  const index = WIZARD_STEPS.indexOf(step);
  return (
    <ol className="stepper" aria-label={t('wizard.steps')}>
      {WIZARD_STEPS.map((s, i) => (
        <li key={s} className={i === index ? 'step current' : i < index ? 'step done' : 'step'}>
          <button type="button" onClick={() => onGo(s)} aria-current={i === index ? 'step' : undefined} data-testid={`wizard-step-${s}`}>
            <span className="step-num">{i < index ? <Icon name="check" size={13} /> : i + 1}</span>
            <span className="step-label">{t(`wizard.step.${s}`)}</span>
            {i < index ? <span className="visually-hidden">{t('wizard.step.completed')}</span> : null}
          </button>
        </li>
      ))}
    </ol>
  );
}

export function Wizard() {
  const i18n = useI18n();
  const { t } = i18n;
  const stores = useStores();
  const w = useApp('wizard', (s) => s);
  const profiles = useApp('connections', (s) => s.profiles);
  const [filled, setFilled] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [nameErrors, setNameErrors] = useState(false);
  const go = (route: Route) => stores.router.getState().navigate(route);
  const panel = useRef<HTMLElement>(null);
  const shownStep = useRef(w.step);
  // Next, Back or a step of the stepper: focus goes to the top of the new step.
  useLayoutEffect(() => {
    if (shownStep.current === w.step) return;
    shownStep.current = w.step;
    panel.current?.focus();
  }, [w.step]);

  async function onSandbox(status: SandboxStatus) {
    // Starting the sandbox saves its two profiles on the main side: reload, so they are reused.
    await stores.connections.getState().load();
    const wz = stores.wizard.getState();
    wz.fillFromSandbox(status, { kafka: t('sandbox.kafkaName'), milvus: t('sandbox.milvusName') }, stores.connections.getState().profiles);
    setFilled(true);
    // Test both right away, so the user sees that the sandbox answers.
    const s = stores.wizard.getState();
    const k = kafkaFormToConnection(s.kafka);
    const m = milvusFormToConnection(s.milvus);
    const c = stores.connections.getState();
    if (k.ok) void c.testKafka({ kafka: k.value, ...(s.kafkaBase ? { profileId: s.kafkaBase.id } : {}) });
    if (m.ok) void c.testMilvus({ milvus: m.value, ...(s.milvusBase ? { profileId: s.milvusBase.id } : {}) });
  }

  function next() {
    if (w.step === 'kafka') {
      if (!kafkaFormToConnection(w.kafka).ok) return w.revealErrors('kafka');
      w.go('milvus');
    } else if (w.step === 'milvus') {
      if (!milvusFormToConnection(w.milvus).ok) return w.revealErrors('milvus');
      w.go('review');
    }
  }

  async function save() {
    const plan = planWizardSave(stores.wizard.getState());
    if (!plan.ok) {
      if (plan.invalid === 'names') setNameErrors(true);
      else {
        w.revealErrors(plan.invalid);
        w.go(plan.invalid);
      }
      return;
    }
    setSaving(true);
    setSaveError(null);
    const c = stores.connections.getState();
    for (const step of [plan.kafka, plan.milvus]) {
      if (!('save' in step)) continue;
      const r = await c.save(step.save);
      if (!r.ok) {
        setSaving(false);
        setSaveError(`${describeError(r.error, i18n).title} ${r.error.detail ?? r.error.message}`);
        return;
      }
    }
    setSaving(false);
    setDone(true);
    stores.wizard.getState().reset();
    setFilled(false);
    stores.toasts.getState().push(t('wizard.saved.toast'));
  }

  if (done) {
    return (
      <Page title={t('wizard.title')} testId="page-wizard" narrow>
        <EmptyState icon="checkCircle" title={t('wizard.done.title')} body={t('wizard.done.body')} testId="wizard-done" focusTitle>
          <button type="button" className="btn btn-primary" onClick={() => go({ page: 'pipelines' })} data-testid="wizard-go-pipelines">
            {t('wizard.done.pipelines')}
            <Icon name="arrowRight" size={15} />
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => go({ page: 'connections', view: 'list' })} data-testid="wizard-go-connections">
            {t('wizard.done.connections')}
          </button>
        </EmptyState>
      </Page>
    );
  }

  const index = WIZARD_STEPS.indexOf(w.step);
  return (
    <Page title={t('wizard.title')} description={t('wizard.description')} testId="page-wizard" narrow>
      <Stepper step={w.step} onGo={w.go} />
      <section
        ref={panel}
        className="wizard-body"
        tabIndex={-1}
        aria-label={t('wizard.stepOf', { n: index + 1, total: WIZARD_STEPS.length, name: t(`wizard.step.${w.step}`) })}
        data-testid={`wizard-panel-${w.step}`}
      >
        {w.step === 'kafka' ? (
          <>
            <SandboxCard onReady={(s) => void onSandbox(s)} filled={filled} />
            <div className="divider-label">
              <span>{t('wizard.orOwn.kafka')}</span>
            </div>
            <section className="card">
              <SavedPicker kind="kafka" selectedId={w.kafkaBase?.id} onPick={w.pick} />
              <KafkaEditor form={w.kafka} onChange={w.setKafka} profileId={w.kafkaBase?.id} showErrors={w.showErrors.kafka} onShowErrors={() => w.revealErrors('kafka')} />
            </section>
          </>
        ) : null}
        {w.step === 'milvus' ? (
          <section className="card">
            <SavedPicker kind="milvus" selectedId={w.milvusBase?.id} onPick={w.pick} />
            <MilvusEditor form={w.milvus} onChange={w.setMilvus} profileId={w.milvusBase?.id} showErrors={w.showErrors.milvus} onShowErrors={() => w.revealErrors('milvus')} />
          </section>
        ) : null}
        {w.step === 'review' ? <ReviewStep showNameErrors={nameErrors} /> : null}
      </section>
      {saveError ? (
        <p className="callout tone-danger" role="alert">
          <Icon name="error" size={15} />
          <span>{saveError}</span>
        </p>
      ) : null}
      <footer className="wizard-footer">
        {index > 0 ? (
          <button type="button" className="btn btn-ghost" onClick={() => w.go(WIZARD_STEPS[index - 1] ?? 'kafka')} data-testid="wizard-back">
            <Icon name="arrowLeft" size={15} />
            {t('common.back')}
          </button>
        ) : (
          <span />
        )}
        <div className="wizard-footer-right">
          {profiles.length > 0 ? (
            <button type="button" className="btn btn-ghost" onClick={() => go({ page: 'connections', view: 'list' })} data-testid="wizard-cancel">
              {t('common.cancel')}
            </button>
          ) : null}
          {w.step === 'review' ? (
            <BusyButton type="button" className="btn btn-primary" onClick={() => void save()} busy={saving} data-testid="wizard-save">
              {saving ? t('common.saving') : t('wizard.save')}
            </BusyButton>
          ) : (
            <button type="button" className="btn btn-primary" onClick={next} data-testid="wizard-next">
              {t('common.next')}
              <Icon name="arrowRight" size={15} />
            </button>
          )}
        </div>
      </footer>
    </Page>
  );
}
