// Delivery part of the new-pipeline form: write mode, batch size, where to start, dead-letter topic.
import { useId } from 'react';
import type { WriteMode } from '../../../../shared/pipeline-config';
import { Checkbox, TextField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import type { FormErrors, FormProblem, PipelineForm, StartChoice } from './form-model';

function Segmented<V extends string>(props: { label: string; value: V; options: readonly { value: V; label: string }[]; onValue: (v: V) => void; hint?: string; testId: string }) {
  const id = useId();
  return (
    <fieldset className="field segmented-field" aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{props.label}</legend>
      <div className="segmented" data-testid={props.testId}>
        {props.options.map((o) => (
          <label key={o.value} className={o.value === props.value ? 'segment active' : 'segment'}>
            <input type="radio" name={id} value={o.value} checked={o.value === props.value} onChange={() => props.onValue(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </fieldset>
  );
}

export function DeliveryFields(props: { form: PipelineForm; set: (p: Partial<PipelineForm>) => void; errors: FormErrors; err: (p: FormProblem | undefined) => string | undefined }) {
  const { t } = useI18n();
  const { form, set, errors, err } = props;
  const modes: WriteMode[] = ['auto', 'upsert', 'insert'];
  const starts: StartChoice[] = ['earliest', 'latest', 'timestamp'];
  return (
    <section className="form-section" aria-labelledby="delivery-title">
      <h3 className="form-section-title" id="delivery-title">
        {t('pipelines.form.delivery')}
      </h3>
      <div className="form-row">
        <Segmented
          label={t('pipelines.form.writeMode')}
          value={form.writeMode}
          options={modes.map((m) => ({ value: m, label: t(`pipelines.writeMode.${m}`) }))}
          onValue={(writeMode) => set({ writeMode })}
          hint={t(`pipelines.writeMode.${form.writeMode}.hint`)}
          testId="pipeline-write-mode"
        />
        <TextField
          label={t('pipelines.form.batchSize')}
          value={form.batchSize}
          onValue={(batchSize) => set({ batchSize })}
          error={err(errors.batchSize)}
          hint={t('pipelines.form.batchSize.hint')}
          inputMode="numeric"
          data-testid="pipeline-batch-size"
        />
      </div>
      <div className="form-row">
        <div className="field">
          <Segmented
            label={t('pipelines.form.start')}
            value={form.start}
            options={starts.map((s) => ({ value: s, label: t(`pipelines.start.${s}`) }))}
            onValue={(start) => set({ start })}
            hint={t(`pipelines.start.${form.start}.hint`)}
            testId="pipeline-start-position"
          />
          {form.start === 'timestamp' ? (
            <TextField label={t('pipelines.form.startAt')} type="datetime-local" step={1} value={form.startAt} onValue={(startAt) => set({ startAt })} error={err(errors.startAt)} data-testid="pipeline-start-at" />
          ) : null}
        </div>
        <div className="field dlq-field">
          <Checkbox label={t('pipelines.form.deadLetter')} checked={form.deadLetter} onChange={(deadLetter) => set({ deadLetter })} testId="pipeline-dlq-enabled" />
          {form.deadLetter ? (
            <TextField
              label={t('pipelines.form.dlqTopic')}
              value={form.deadLetterTopic}
              onValue={(deadLetterTopic) => set({ deadLetterTopic })}
              error={err(errors.deadLetterTopic)}
              hint={t('pipelines.form.dlqTopic.hint')}
              placeholder={t('pipelines.form.dlqTopic.placeholder')}
              mono
              data-testid="pipeline-dlq-topic"
            />
          ) : (
            <p className="field-hint warn-text">{t('pipelines.form.noDeadLetter')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
