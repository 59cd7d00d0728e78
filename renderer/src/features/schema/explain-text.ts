// Translates the matcher's explanations (shared/schema explain codes + params) through the catalog.
// Params that pick a wording (fill, outcome) or a plural choose the key; the rest are placeholders.
// A unit test checks that the English catalog says exactly what shared/schema's own text says.
import type { Explanation, ExplainCode, ExplainParams, MatchRow } from '../../../../shared/schema';
import { conversionMessage } from '../../i18n/conversion-text';
import type { Formatters } from '../../i18n/format';
import type { MessageKey, Translator } from '../../i18n/i18n';

const num = (p: ExplainParams, k: string): number => {
  const n = Number(p[k]);
  return Number.isFinite(n) ? n : 0;
};

type Choosing = 'match' | 'verdict_ready' | 'verdict_warnings' | 'verdict_blocked' | 'match_partial_null' | 'pk_on_auto_id';
type SimpleCode = Exclude<ExplainCode, Choosing>;
type SimpleKey = `schema.explain.${SimpleCode}`;

/** The catalog key of a code that needs no choice; fails to compile if the catalog lacks one. */
function simple(code: SimpleCode): MessageKey {
  const key: SimpleKey = `schema.explain.${code}`;
  return key;
}

export function explainText(e: Explanation, tr: Translator): string {
  const p = e.params;
  switch (e.code) {
    case 'match':
      return tr.plural('schema.explain.match', num(p, 'total'), p);
    case 'verdict_ready':
      return tr.plural('schema.explain.verdict_ready', num(p, 'total'), p);
    case 'verdict_warnings':
      return tr.plural('schema.explain.verdict_warnings', num(p, 'warnings'), p);
    case 'verdict_blocked':
      return tr.plural('schema.explain.verdict_blocked', num(p, 'errors'), p);
    case 'match_partial_null':
      return tr.t(p.fill === 'default' ? 'schema.explain.match_partial_null.default' : 'schema.explain.match_partial_null.null', p);
    case 'pk_on_auto_id':
      return tr.t(p.outcome === 'rejected' ? 'schema.explain.pk_on_auto_id.rejected' : 'schema.explain.pk_on_auto_id.ignored', p);
    case 'auto_id_generated':
    case 'type_mismatch':
    case 'too_long':
    case 'convert_failed':
    case 'dimension_mismatch':
    case 'missing_required':
    case 'missing_required_some':
    case 'missing_optional_null':
    case 'missing_optional_default':
    case 'extra_dynamic':
    case 'extra_dropped_policy':
    case 'extra_dropped_no_dynamic':
    case 'extra_dropped_shadowed':
    case 'extra_rejected':
    case 'pk_missing':
    case 'function_output':
    case 'function_output_supplied':
    case 'ignored':
    case 'hint_similar_name':
    case 'verdict_no_samples':
      return tr.t(simple(e.code), p);
  }
}

/** A match row's sentence: a conversion failure's detail in the reader's language when it has words. */
export function rowExplanation(row: Pick<MatchRow, 'explanation' | 'firstError'>, tr: Translator, fmt: Formatters): string {
  const e = row.explanation;
  if (e.code !== 'convert_failed' || !row.firstError) return explainText(e, tr);
  return explainText({ ...e, params: { ...e.params, detail: conversionMessage(row.firstError, tr, fmt) } }, tr);
}

/** "Blocked: 1 problem to fix…" under the heading "Blocked" reads "1 problem to fix…". */
export function withoutLead(sentence: string, title: string): string {
  if (!sentence.startsWith(`${title}:`)) return sentence;
  const rest = sentence.slice(title.length + 1).trimStart();
  return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}
