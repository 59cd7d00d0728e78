// "Create topic": name, partitions and replication, through 'kafka.createTopic'; the new topic is
// chosen and sampled right away.
import { useEffect, useId, useState } from 'react';
import { CreateTopicInput } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { TextField } from '../../components/field';
import { Modal, ModalFooter } from '../../components/modal';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import { useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';

const INVALID: Record<string, { key: MessageKey; max?: number }> = {
  name: { key: 'schema.topic.invalid.name' },
  partitions: { key: 'schema.topic.invalid.partitions', max: 1000 },
  replicationFactor: { key: 'schema.topic.invalid.replicationFactor', max: 10 },
};

export function CreateTopicDialog({ open, initialName, onClose }: { open: boolean; initialName: string; onClose: () => void }) {
  const { t } = useI18n();
  const { schema, toasts } = useStores();
  const formId = useId();
  const [name, setName] = useState(initialName);
  const [partitions, setPartitions] = useState('1');
  const [replication, setReplication] = useState('1');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (!open) return;
    setName(initialName);
    setShown(false);
    setError(null);
  }, [open, initialName]);

  const parsed = CreateTopicInput.safeParse({ name: name.trim(), partitions: Number(partitions), replicationFactor: Number(replication) });
  const issue = (key: string): string | undefined => {
    if (!shown || parsed.success || !parsed.error.issues.some((i) => i.path[0] === key)) return undefined;
    const k = INVALID[key];
    return k ? t(k.key, k.max === undefined ? undefined : { max: k.max }) : undefined;
  };

  async function submit() {
    setShown(true);
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    const r = await schema.getState().createTopic(parsed.data);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toasts.getState().push(t('schema.topic.created', { name: r.value.name }));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('schema.topic.create')}
      onClose={onClose}
      testId="schema-create-topic"
      footer={<ModalFooter cancelLabel={t('common.cancel')} onCancel={onClose} action={{ label: t('schema.topic.createButton'), testId: 'schema-topic-submit', form: formId, busy }} />}
    >
      <form
        id={formId}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField label={t('schema.topic.name')} value={name} onValue={setName} error={issue('name')} mono autoComplete="off" spellCheck={false} data-testid="schema-topic-name" />
        <div className="form-row">
          <TextField label={t('schema.topic.partitions')} value={partitions} onValue={setPartitions} error={issue('partitions')} inputMode="numeric" data-testid="schema-topic-partitions" />
          <TextField
            label={t('schema.topic.replication')}
            value={replication}
            onValue={setReplication}
            error={issue('replicationFactor')}
            inputMode="numeric"
            hint={t('schema.topic.replication.hint')}
          />
        </div>
        {error ? <ErrorPanel error={error} testId="schema-topic-error" /> : null}
      </form>
    </Modal>
  );
}
