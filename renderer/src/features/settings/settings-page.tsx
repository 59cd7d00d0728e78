// Settings: theme, language (both saved with settings.set) and where secrets are kept.
import type { Settings } from '../../../../shared/domain';
import { SelectField } from '../../components/field';
import { Icon, type IconName } from '../../components/icons';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';

const THEMES: readonly [Settings['theme'], IconName][] = [
  ['light', 'sun'],
  ['dark', 'moon'],
  ['system', 'monitor'],
];

export function SettingsPage() {
  const { t } = useI18n();
  const settings = useApp('settings', (s) => s.settings);
  const update = useApp('settings', (s) => s.update);
  const error = useApp('settings', (s) => s.error);
  const info = useApp('app', (s) => s.info);

  return (
    <Page title={t('nav.settings')} description={t('settings.description')} testId="page-settings" narrow>
      {error ? <ErrorPanel error={error} testId="settings-error" /> : null}
      <section className="card settings-section">
        <h2 className="section-title">{t('settings.appearance')}</h2>
        <fieldset className="theme-picker">
          <legend className="field-label">{t('settings.theme')}</legend>
          <div className="theme-options">
            {THEMES.map(([theme, icon]) => (
              <label key={theme} className={settings.theme === theme ? 'theme-option active' : 'theme-option'}>
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => void update({ theme })}
                  data-testid={`settings-theme-${theme}`}
                />
                <span className={`theme-swatch swatch-${theme}`} aria-hidden="true" />
                <span className="theme-label">
                  <Icon name={icon} size={15} />
                  {t(`settings.theme.${theme}`)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('settings.language')}
          value={settings.locale}
          options={[
            { value: 'auto', label: t('settings.language.auto') },
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
          onValue={(locale) => void update({ locale })}
          hint={t('settings.language.hint')}
          data-testid="settings-language"
        />
      </section>

      <section className="card settings-section">
        <h2 className="section-title">{t('settings.security')}</h2>
        <p className="settings-secrets" data-testid="settings-secrets">
          <Icon name="lock" size={16} />
          <span>
            {info?.secretStorage === 'os-keychain' ? t('settings.secrets.keychain') : t('settings.secrets.file', { dir: info?.dataDir ?? '' })}
          </span>
        </p>
      </section>

      {info ? (
        <section className="card settings-section">
          <h2 className="section-title">{t('settings.about')}</h2>
          <dl className="kv compact">
            <div className="kv-item">
              <dt>{t('settings.version')}</dt>
              <dd className="mono">{info.version}</dd>
            </div>
            <div className="kv-item">
              <dt>{t('settings.host')}</dt>
              <dd>{t(`settings.host.${info.host}`)}</dd>
            </div>
            <div className="kv-item">
              <dt>{t('settings.dataDir')}</dt>
              <dd className="mono">{info.dataDir}</dd>
            </div>
          </dl>
        </section>
      ) : null}
    </Page>
  );
}
