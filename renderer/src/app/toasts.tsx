// Confirmations, bottom right, in a polite live region.
import { Icon } from '../components/icons';
import { useI18n } from '../i18n/context';
import { useApp } from '../stores/context';

export function Toasts() {
  const { t } = useI18n();
  const toasts = useApp('toasts', (s) => s.toasts);
  const dismiss = useApp('toasts', (s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast tone-${toast.tone}`}>
          <Icon name={toast.tone === 'danger' ? 'error' : toast.tone === 'info' ? 'info' : 'checkCircle'} size={16} />
          <span>{toast.text}</span>
          <button type="button" className="icon-btn" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
