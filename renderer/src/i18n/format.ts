// Intl formatters for the chosen locale: numbers, rates, bytes, durations and timestamps.
import type { ResolvedLocale, Translator } from './i18n';

export interface Formatters {
  number(n: number, maxFractionDigits?: number): string;
  percent(ratio: number): string;
  /** "1,234.5 rows/s" / "1.234,5 filas/s". */
  rate(perSecond: number): string;
  bytes(n: number): string;
  /** 350 ms, 12.3 s, 3 min 5 s, 2 h 3 min. */
  duration(ms: number): string;
  timestamp(epochMs: number): string;
  time(epochMs: number): string;
  /** "3 minutes ago" relative to `now`. */
  relative(epochMs: number, now?: number): string;
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function createFormatters(locale: ResolvedLocale, tr: Translator): Formatters {
  const tag = locale.intl;
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const num = (n: number, digits = 0) => {
    let f = numberFormats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, useGrouping: 'always' });
      numberFormats.set(digits, f);
    }
    return f.format(n);
  };
  const unit = (value: number, u: string, digits = 0) =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits, useGrouping: 'always' }).format(value);
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' });
  const timeOnly = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });

  return {
    number: (n, digits = 0) => num(n, digits),
    percent: (ratio) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(ratio),
    rate: (perSecond) => tr.t('unit.rowsPerSecond', { value: num(perSecond, perSecond < 100 ? 1 : 0) }),
    bytes(n) {
      if (Math.abs(n) < 1000) return `${num(n)} B`;
      let i = 0;
      let v = n / 1000;
      while (Math.abs(v) >= 1000 && i < BYTE_UNITS.length - 1) {
        v /= 1000;
        i++;
      }
      return unit(v, BYTE_UNITS[i] ?? 'kilobyte', 1);
    },
    duration(ms) {
      if (!Number.isFinite(ms)) return '—';
      const abs = Math.abs(ms);
      if (abs < 1000) return unit(ms, 'millisecond', abs < 10 ? 1 : 0);
      if (abs < 60_000) return unit(ms / 1000, 'second', 1);
      const totalSec = Math.round(abs / 1000);
      const sign = ms < 0 ? '-' : '';
      if (totalSec < 3600) {
        const m = Math.floor(totalSec / 60);
        const s = totalSec % 60;
        return sign + (s ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute'));
      }
      const h = Math.floor(totalSec / 3600);
      const m = Math.floor((totalSec % 3600) / 60);
      return sign + (m ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour'));
    },
    timestamp: (epochMs) => dateTime.format(epochMs),
    time: (epochMs) => timeOnly.format(epochMs),
    relative(epochMs, now = Date.now()) {
      const sec = Math.round((epochMs - now) / 1000);
      const abs = Math.abs(sec);
      if (abs < 45) return rel.format(0, 'second');
      if (abs < 3600) return rel.format(Math.round(sec / 60), 'minute');
      if (abs < 86_400) return rel.format(Math.round(sec / 3600), 'hour');
      return rel.format(Math.round(sec / 86_400), 'day');
    },
  };
}
