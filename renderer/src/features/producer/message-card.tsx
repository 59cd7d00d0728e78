// The message: a template from the collection schema in a JSON editor, checked live with the
// pipeline's own conversion rules, then sent once (and followed) or many times at a rate.
import { useDeferredValue, useId, useMemo } from 'react';
import { BusyButton } from '../../components/busy-button';
import { Checkbox } from '../../components/field';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { BatchBar } from './batch-bar';
import { JsonEditor } from './json-editor';
import { MessageOptions } from './message-options';
import { reformat, utf8Bytes } from './message-text';
import { ProblemPanel } from './problem-panel';
import { useRules } from './use-rules';
import { TemplatesMenu } from './templates-menu';
import { validateMessage } from './validate';
import { ValidationList } from './validation-list';

export function MessageCard() {
  const { t } = useI18n();
  const { producer } = useStores();
  const editorId = useId();
  const validationId = useId();
  const value = useApp('producer', (s) => s.value);
  const key = useApp('producer', (s) => s.key);
  const headers = useApp('producer', (s) => s.headers);
  const template = useApp('producer', (s) => s.template);
  const target = useApp('producer', (s) => s.target);
  const sending = useApp('producer', (s) => s.sending);
  const sendError = useApp('producer', (s) => s.sendError);
  const newKey = useApp('producer', (s) => s.newKeyAfterSend);
  const { pipeline, opts } = useRules();
  const tmpl = template.status === 'ok' ? template.value : undefined;

  // Deferred: typing stays smooth with 768-dimension vectors in the editor.
  const deferred = useDeferredValue(value);
  const validation = useMemo(() => {
    const extra = utf8Bytes(key) + headers.reduce((n, h) => n + utf8Bytes(h.key) + utf8Bytes(h.value), 0);
    return validateMessage(deferred, tmpl?.schema ?? null, opts, extra);
  }, [deferred, tmpl, opts, key, headers]);
  const jsonIssue = validation.issues.find((i) => i.kind === 'json');
  const ready = Boolean(target.kafkaProfileId && target.topic && target.milvusProfileId && target.collection);
  const tooLarge = validation.issues.some((i) => i.kind === 'size');

  return (
    <section className="card producer-message" aria-labelledby="producer-message-title" data-testid="producer-message">
      <div className="card-head">
        <h2 className="section-title" id="producer-message-title">
          {t('producer.message.title')}
        </h2>
        <div className="toolbar">
          <button type="button" className="btn btn-ghost btn-sm" disabled={!target.collection || template.status === 'loading'} onClick={() => void producer.getState().loadTemplate(true)} data-testid="producer-regenerate">
            <Icon name="refresh" size={14} />
            {t('producer.message.regenerate')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            disabled={jsonIssue !== undefined}
            onClick={() => {
              const next = reformat(value);
              if (next !== null) producer.getState().setMessage({ value: next });
            }}
          >
            {t('producer.message.format')}
          </button>
        </div>
      </div>
      <p className="muted small rules-line">{pipeline ? t('producer.rules.pipeline', { name: pipeline.spec.name }) : t('producer.rules.default')}</p>
      <div className="editor-head">
        <label className="field-label" htmlFor={editorId}>
          {t('producer.message.label')}
        </label>
        <TemplatesMenu />
      </div>
      <JsonEditor
        id={editorId}
        value={value}
        onChange={(v) => producer.getState().setMessage({ value: v })}
        invalid={!validation.ok}
        errorLine={jsonIssue?.kind === 'json' ? jsonIssue.line : undefined}
        describedBy={validationId}
        testId="producer-editor"
      />
      <ValidationList id={validationId} validation={validation} template={tmpl} collection={target.collection} />
      <MessageOptions />
      {sendError ? <ProblemPanel error={sendError} testId="producer-send-error" /> : null}
      <div className="send-row">
        <BusyButton
          type="button"
          className={validation.ok ? 'btn btn-primary' : 'btn btn-secondary'}
          disabled={!ready || tooLarge || value.trim() === ''}
          busy={sending}
          onClick={() => void producer.getState().send()}
          data-testid="producer-send"
        >
          <Icon name="send" size={15} />
          {sending ? t('producer.sending') : validation.ok ? t('producer.send') : t('producer.sendAnyway')}
        </BusyButton>
        <Checkbox label={t('producer.newKey')} checked={newKey} onChange={(v) => producer.getState().setMessage({ newKeyAfterSend: v })} testId="producer-new-key" />
      </div>
      <BatchBar disabled={!ready || tooLarge || value.trim() === ''} />
    </section>
  );
}
