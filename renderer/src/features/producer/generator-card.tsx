// Demo data: start a generator on a topic at a rate (titles and links from a built-in corpus,
// vectors derived from the titles), watch its progress, stop it; the CLI equivalent is shown.
import type { GeneratorStatus } from '../../../../shared/contract-producer';
import { Chip, type Tone } from '../../components/chip';
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ProblemPanel } from './problem-panel';

const tone: Record<GeneratorStatus['state'], Tone> = { running: 'ok', retrying: 'warn', stopped: 'neutral', done: 'neutral', failed: 'danger' };

export function GeneratorCard() {
  const { t, fmt } = useI18n();
  const { producer } = useStores();
  const form = useApp('producer', (s) => s.genForm);
  const generators = useApp('producer', (s) => s.generators);
  const error = useApp('producer', (s) => s.genError);
  const starting = useApp('producer', (s) => s.genStarting);
  const target = useApp('producer', (s) => s.target);
  const set = producer.getState().setGenForm;
  const topic = form.topic || target.topic;
  const count = form.count.trim();
  const countBad = count !== '' && !/^\d+$/.test(count);
  const rate = (n: number) => t('producer.unit.msgPerSec', { value: fmt.number(n, n < 10 ? 1 : 0) });
  const cli = `npm run cli -- generate --topic ${topic || 'T'} --rate ${form.rate}${count && !countBad ? ` --count ${count}` : ''}${form.dim !== 8 ? ` --dim ${form.dim}` : ''}`;

  return (
    <section className="card producer-generator" aria-labelledby="producer-gen-title" data-testid="producer-generator">
      <div>
        <h2 className="section-title" id="producer-gen-title">
          {t('producer.gen.title')}
        </h2>
        <p className="muted small">{t('producer.gen.description')}</p>
      </div>
      <form
        className="gen-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!topic || countBad || !target.kafkaProfileId) return;
          set({ topic });
          void producer.getState().startGenerator(target.kafkaProfileId);
        }}
      >
        <TextField label={t('producer.gen.topic')} value={topic} onValue={(v) => set({ topic: v })} mono data-testid="gen-topic" />
        <TextField label={t('producer.gen.rate')} type="number" min={0.1} max={10_000} step="any" value={String(form.rate)} onValue={(v) => set({ rate: Math.min(10_000, Math.max(0.1, Number(v) || 20)) })} data-testid="gen-rate" />
        <TextField label={t('producer.gen.count')} value={form.count} onValue={(v) => set({ count: v })} placeholder={t('producer.gen.count.placeholder')} inputMode="numeric" error={countBad ? t('producer.partition.invalid') : undefined} data-testid="gen-count" />
        <TextField label={t('producer.gen.dim')} type="number" min={1} max={32_768} value={String(form.dim)} onValue={(v) => set({ dim: Math.min(32_768, Math.max(1, Math.round(Number(v) || 8))) })} data-testid="gen-dim" />
        <button type="submit" className="btn btn-secondary gen-start" disabled={starting || !topic || countBad || !target.kafkaProfileId} data-testid="gen-start">
          <Icon name="zap" size={15} />
          {starting ? t('producer.gen.starting') : t('producer.gen.start')}
        </button>
      </form>
      {error ? <ProblemPanel error={error} testId="gen-error" /> : null}
      {generators.length > 0 ? (
        <ul className="gen-list" aria-live="polite">
          {generators.map((g) => (
            <li key={g.id} className="gen-row" data-testid="gen-row" data-state={g.state} data-sent={g.sent}>
              <Chip tone={tone[g.state]} icon={g.state === 'running' ? 'spinner' : undefined}>
                {t(`producer.gen.state.${g.state}`)}
              </Chip>
              <span className="mono">{g.topic}</span>
              <span className="muted small">{t('producer.gen.row', { sent: fmt.number(g.sent), rate: rate(g.observedRatePerSec) })}</span>
              {g.lastError ? <span className="small warn-text" title={g.lastError}>{g.lastError}</span> : null}
              {g.state === 'running' || g.state === 'retrying' ? (
                <button type="button" className="btn btn-ghost btn-sm gen-stop" onClick={() => void producer.getState().stopGenerator(g.id)} data-testid="gen-stop">
                  {t('producer.gen.stop')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small gen-cli">
        {t('producer.gen.cli')} <code className="mono">{cli}</code>
      </p>
    </section>
  );
}
