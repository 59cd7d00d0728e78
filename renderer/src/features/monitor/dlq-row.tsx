// One dead-letter record: where it came from, why it failed, and its key and value (truncated,
// expandable). A record already sent back says so.
import { useState } from 'react';
import type { DlqPayload, DlqRecord } from '../../../../shared/contract-monitor';
import { Chip } from '../../components/chip';
import { useI18n } from '../../i18n/context';
import { conversionDetail } from '../../i18n/conversion-text';
import { reasonLabel } from '../../i18n/log-line';
import { dlqKey, preview, pretty } from './dlq-model';

function Payload({ label, p, expanded }: { label: string; p: DlqPayload | null; expanded: boolean }) {
  const { t, fmt } = useI18n();
  if (p === null) return <span className="muted">{t('dlq.null')}</span>;
  const short = preview(p.text);
  return (
    <div className="payload">
      <span className="payload-label">{label}</span>
      {expanded ? <pre className="payload-full mono">{p.encoding === 'utf8' ? pretty(p.text) : p.text}</pre> : <code className="payload-short mono">{short.text}</code>}
      {p.encoding === 'base64' || (expanded && p.truncated) ? (
        <span className="muted small">{p.encoding === 'base64' ? t('dlq.binary', { bytes: fmt.bytes(p.bytes) }) : t('dlq.truncated', { bytes: fmt.bytes(p.bytes) })}</span>
      ) : null}
    </div>
  );
}

export function DlqRow({ r, selected, onSelect }: { r: DlqRecord; selected: boolean; onSelect: (on: boolean) => void }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [expanded, setExpanded] = useState(false);
  const long = (r.value ? preview(r.value.text).cut || r.value.truncated : false) || (r.key ? preview(r.key.text).cut : false);
  const src = r.source;
  return (
    <li className={`dlq-row${selected ? ' selected' : ''}`} data-testid="dlq-row" data-key={dlqKey(r)} data-code={r.reason.code}>
      <input
        type="checkbox"
        className="dlq-check"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={t('dlq.selectRecord', { offset: `${r.partition}:${r.offset}` })}
        data-testid="dlq-select"
      />
      <div className="dlq-main">
        <div className="dlq-line">
          <Chip tone="danger" icon="error" testId="dlq-reason-code" title={r.reason.code}>
            {reasonLabel(r.reason.code, i18n)}
          </Chip>
          {r.reason.field ? <span className="mono dlq-field-name">{r.reason.field}</span> : null}
          <span className="dlq-message" data-testid="dlq-reason">
            {r.reason.message ? conversionDetail({ message: r.reason.message, ...(r.reason.field ? { field: r.reason.field } : {}), ...(r.reason.words ? { words: r.reason.words } : {}) }, i18n, fmt) : t('dlq.noMessage')}
          </span>
          {r.redrivenAt !== undefined ? (
            <Chip tone="ok" icon="checkCircle" testId="dlq-redriven">
              {t('dlq.redrivenAt', { time: fmt.time(r.redrivenAt) })}
            </Chip>
          ) : null}
        </div>
        <div className="dlq-meta small muted">
          <span data-testid="dlq-source">
            {src.topic ? t('dlq.source', { topic: src.topic, partition: src.partition ?? '?', offset: src.offset ?? '?' }) : t('dlq.unknownSource')}
          </span>
          <span aria-hidden="true">·</span>
          <span>{t('dlq.stage', { stage: r.reason.stage || '—' })}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={new Date(r.timestamp).toISOString()}>{fmt.timestamp(r.timestamp)}</time>
          <span aria-hidden="true">·</span>
          <span className="mono">{t('dlq.position', { partition: r.partition, offset: r.offset })}</span>
        </div>
        <div className="dlq-payloads">
          <Payload label={t('dlq.key')} p={r.key} expanded={expanded} />
          <Payload label={t('dlq.value')} p={r.value} expanded={expanded} />
        </div>
        {long || Object.keys(r.headers).length ? (
          <button type="button" className="link-btn small" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)} data-testid="dlq-expand">
            {expanded ? t('dlq.collapse') : t('dlq.expand')}
          </button>
        ) : null}
        {expanded && Object.keys(r.headers).length ? (
          <dl className="dlq-headers mono small">
            {Object.entries(r.headers).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </li>
  );
}
