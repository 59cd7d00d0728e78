// Key, partition, headers and how long to wait for the row: tucked in a disclosure.
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';

export function MessageOptions() {
  const { t } = useI18n();
  const { producer } = useStores();
  const key = useApp('producer', (s) => s.key);
  const partition = useApp('producer', (s) => s.partition);
  const headers = useApp('producer', (s) => s.headers);
  const timeoutSec = useApp('producer', (s) => s.timeoutSec);
  const set = producer.getState().setMessage;
  const partitionBad = partition.trim() !== '' && !/^\d+$/.test(partition.trim());
  const count = headers.length + (key ? 1 : 0) + (partition ? 1 : 0);

  return (
    <details className="message-options" data-testid="producer-options">
      <summary>
        <Icon name="arrowRight" size={13} />
        {t('producer.options.title')}
        {count > 0 ? <span className="count">{count}</span> : null}
      </summary>
      <div className="form options-body">
        <div className="form-row three">
          <TextField label={t('producer.key')} value={key} onValue={(v) => set({ key: v })} hint={t('producer.key.hint')} mono data-testid="producer-key" />
          <TextField
            label={t('producer.partition')}
            value={partition}
            onValue={(v) => set({ partition: v })}
            inputMode="numeric"
            hint={t('producer.partition.hint')}
            error={partitionBad ? t('producer.partition.invalid') : undefined}
            data-testid="producer-partition"
          />
          <TextField
            label={t('producer.timeout')}
            type="number"
            min={1}
            max={600}
            value={String(timeoutSec)}
            onValue={(v) => set({ timeoutSec: Math.min(600, Math.max(1, Math.round(Number(v) || 30))) })}
            data-testid="producer-timeout"
          />
        </div>
        <fieldset className="fieldset headers-fieldset">
          <legend>{t('producer.headers')}</legend>
          {headers.map((h, i) => (
            <div className="header-row" key={i}>
              <input
                className="input mono"
                aria-label={t('producer.headers.name')}
                placeholder={t('producer.headers.name')}
                value={h.key}
                onChange={(e) => set({ headers: headers.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)) })}
              />
              <input
                className="input mono"
                aria-label={t('producer.headers.value')}
                placeholder={t('producer.headers.value')}
                value={h.value}
                onChange={(e) => set({ headers: headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })}
              />
              <button type="button" className="icon-btn danger" aria-label={t('producer.headers.remove', { name: h.key || String(i + 1) })} onClick={() => set({ headers: headers.filter((_, j) => j !== i) })}>
                <Icon name="x" size={15} />
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-ghost btn-sm add-header" onClick={() => set({ headers: [...headers, { key: '', value: '' }] })} data-testid="producer-add-header">
            <Icon name="plus" size={14} />
            {t('producer.headers.add')}
          </button>
        </fieldset>
      </div>
    </details>
  );
}
