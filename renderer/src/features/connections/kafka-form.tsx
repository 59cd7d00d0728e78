// Kafka connection form: bootstrap servers, client id, security protocol, SASL and TLS files.
import { Checkbox, SelectField, TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { PemField } from '../../components/pem-field';
import { CredentialFields } from './credential-fields';
import { useI18n } from '../../i18n/context';
import {
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
  usesSasl,
  usesTls,
  type FieldError,
  type KafkaForm,
} from './form-model';

export type KafkaErrors = Partial<Record<'brokers' | 'username' | 'password', FieldError>>;

export function KafkaFormView({ form, onChange, errors }: { form: KafkaForm; onChange: (patch: Partial<KafkaForm>) => void; errors: KafkaErrors }) {
  const { t } = useI18n();
  const err = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);
  return (
    <div className="form" data-testid="kafka-form">
      <TextField
        label={t('kafka.brokers')}
        value={form.brokers}
        onValue={(brokers) => onChange({ brokers })}
        placeholder="127.0.0.1:9092"
        hint={t('kafka.brokers.hint')}
        error={err(errors.brokers)}
        mono
        spellCheck={false}
        autoComplete="off"
        data-testid="kafka-brokers"
      />
      <div className="form-row">
        <SelectField
          label={t('kafka.securityProtocol')}
          value={form.securityProtocol}
          options={SECURITY_PROTOCOLS.map((p) => ({ value: p, label: p }))}
          onValue={(securityProtocol) => onChange({ securityProtocol })}
          hint={t(`kafka.protocol.${form.securityProtocol}`)}
          data-testid="kafka-protocol"
        />
        <TextField
          label={t('kafka.clientId')}
          value={form.clientId}
          onValue={(clientId) => onChange({ clientId })}
          placeholder="kafka-milvus-studio"
          hint={t('form.optional')}
          spellCheck={false}
          data-testid="kafka-client-id"
        />
      </div>

      {usesSasl(form.securityProtocol) ? (
        <fieldset className="fieldset">
          <legend>{t('kafka.sasl')}</legend>
          <div className="form-row three">
            <SelectField
              label={t('kafka.saslMechanism')}
              value={form.saslMechanism}
              options={SASL_MECHANISMS.map((m) => ({ value: m, label: m }))}
              onValue={(saslMechanism) => onChange({ saslMechanism })}
              data-testid="kafka-sasl-mechanism"
            />
            <CredentialFields username={form.username} password={form.password} onChange={onChange} errors={errors} testIdPrefix="kafka" />
          </div>
        </fieldset>
      ) : null}

      {usesTls(form.securityProtocol) ? (
        <fieldset className="fieldset">
          <legend>{t('kafka.tls')}</legend>
          <p className="fieldset-hint">{t('kafka.tls.hint')}</p>
          <div className="form-row three">
            <PemField label={t('tls.ca')} value={form.ca} onChange={(ca) => onChange({ ca })} testId="kafka-ca" />
            <PemField label={t('tls.cert')} value={form.cert} onChange={(cert) => onChange({ cert })} testId="kafka-cert" />
            <PemField label={t('tls.key')} value={form.key} onChange={(key) => onChange({ key })} testId="kafka-key" />
          </div>
          <Checkbox label={t('tls.skipVerify')} checked={form.skipVerify} onChange={(skipVerify) => onChange({ skipVerify })} testId="kafka-skip-verify" />
          {form.skipVerify ? (
            <p className="callout tone-warn" role="note" data-testid="kafka-skip-verify-warning">
              <Icon name="alert" size={15} />
              <span>{t('tls.skipVerify.warning')}</span>
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
