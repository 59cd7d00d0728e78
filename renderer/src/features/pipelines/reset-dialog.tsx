// Offset reset of a stopped pipeline: earliest, latest, by timestamp or per-partition offsets. The
// plan (committed vs target, from the Kafka admin API) says how many records will be read again.
import { useEffect, useState } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { OffsetResetPlan } from '../../../../shared/contract-monitor';
import type { AppError } from '../../../../shared/errors';
import { TextField } from '../../components/field';
import { Modal, ModalFooter } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { ResetPlanView } from './reset-plan';
import { badOffset, partitionKey, resetTarget, type ResetChoice, type ResetKind } from './reset-model';

const KINDS: ResetKind[] = ['earliest', 'latest', 'timestamp', 'offsets'];

/** Rendered only while open (mount = open), so every opening starts fresh. */
export function ResetOffsetsDialog({ view, onClose }: { view: PipelineView; onClose: () => void }) {
  const { t, plural } = useI18n();
  const { pipelines, toasts } = useStores();
  const id = view.spec.id;
  const busy = useApp('pipelines', (s) => s.busy[id]);
  const [choice, setChoice] = useState<ResetChoice>({ kind: 'earliest', at: '', offsets: {} });
  const [base, setBase] = useState<OffsetResetPlan | null>(null);
  const [planned, setPlanned] = useState<{ key: string; plan: OffsetResetPlan } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const target = base ? resetTarget(choice, base.partitions) : null;
  const targetKey = JSON.stringify(target);

  // The partitions and where they stand, once per opening.
  useEffect(() => {
    let live = true;
    void pipelines
      .getState()
      .planReset(id, { kind: 'latest' })
      .then((r) => live && (r.ok ? setBase(r.value) : setError(r.error)));
    return () => {
      live = false;
    };
  }, [id, pipelines]);

  // The plan for the current choice, debounced while typing.
  useEffect(() => {
    if (!target) return;
    let live = true;
    const timer = setTimeout(() => {
      void pipelines
        .getState()
        .planReset(id, target)
        .then((r) => live && (r.ok ? (setPlanned({ key: targetKey, plan: r.value }), setError(null)) : setError(r.error)));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- targetKey stands for target
  }, [id, targetKey, pipelines]);

  async function apply() {
    if (!target) return;
    const r = await pipelines.getState().resetOffsets(view.spec.id, target);
    if (!r.ok) return setError(r.error);
    toasts.getState().push(plural('pipelines.reset.done', r.value.reread, { name: view.spec.name }));
    onClose();
  }

  const shown = planned && target && planned.key === targetKey ? planned.plan : null;
  return (
    <Modal
      open
      title={t('pipelines.reset.title', { name: view.spec.name })}
      onClose={onClose}
      testId="reset-dialog"
      footer={
        <ModalFooter
          cancelLabel={t('common.cancel')}
          onCancel={onClose}
          cancelFirst
          action={{ label: t('pipelines.reset.apply'), testId: 'reset-confirm', tone: 'danger', busy: busy === 'reset', disabled: !shown || (busy !== undefined && busy !== 'reset'), onClick: () => void apply() }}
        />
      }
    >
      <p>{t('pipelines.reset.body', { group: view.spec.groupId })}</p>
      <fieldset className="field segmented-field">
        <legend className="field-label">{t('pipelines.reset.to')}</legend>
        <div className="segmented" data-testid="reset-kind">
          {KINDS.map((k) => (
            <label key={k} className={k === choice.kind ? 'segment active' : 'segment'}>
              <input type="radio" name="reset-kind" value={k} checked={k === choice.kind} onChange={() => setChoice((c) => ({ ...c, kind: k }))} />
              {t(`pipelines.reset.kind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {choice.kind === 'timestamp' ? (
        <TextField label={t('pipelines.reset.at')} type="datetime-local" step={1} value={choice.at} onValue={(at) => setChoice((c) => ({ ...c, at }))} data-testid="reset-at" />
      ) : null}
      {error ? <ErrorPanel error={error} testId="reset-error" /> : null}
      {!base && !error ? (
        <p className="muted loading-line">
          <Spinner size={14} /> {t('pipelines.reset.loading')}
        </p>
      ) : null}
      {base ? (
        <ResetPlanView
          plan={choice.kind === 'offsets' ? (shown ?? base) : shown}
          editable={choice.kind === 'offsets' ? { values: choice.offsets, bad: (k) => badOffset(choice.offsets[k]), onValue: (k, v) => setChoice((c) => ({ ...c, offsets: { ...c.offsets, [k]: v } })) } : undefined}
          keyOf={partitionKey}
          pending={!shown && target !== null}
          empty={choice.kind === 'offsets' && target === null}
        />
      ) : null}
    </Modal>
  );
}
