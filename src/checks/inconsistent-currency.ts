/**
 * `inconsistent-currency`: one currency written in two styles in one article ("1.5 billion US
 * dollars" in the headline, "US$1.5 billion" in the body). The first style used sets the norm.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'inconsistent-currency',
  description: 'An amount of a currency written in a different style from the first amount of that currency in the article.',
  category: 'consistency',
  defaultSeverity: 'warning',
  // Document scope: the first amount of a currency in the article sets the norm.
  scope: 'document',
  messages: {
    inconsistent: '“{{match}}” is written differently from the first {{currency}} amount in the article (“{{first}}”): use one style.',
  },
};

/** A way of writing a currency, before the number (`US$`) or after it (`US dollars`). */
interface Style {
  currency: string;
  side: 'prefix' | 'suffix';
  /** The style as shown to the user and used to rewrite: `US$`, `USD`, `US dollars`. */
  label: string;
  /** Singular unit for "1 dollar"; suffix styles only. */
  singular?: string;
}

/** Symbols and codes written before the number; codes take a space, symbols do not. */
const PREFIXES: Record<string, Style> = {
  'US$': { currency: 'USD', side: 'prefix', label: 'US$' },
  'US $': { currency: 'USD', side: 'prefix', label: 'US $' },
  'U.S.$': { currency: 'USD', side: 'prefix', label: 'U.S.$' },
  $: { currency: 'USD', side: 'prefix', label: '$' },
  USD: { currency: 'USD', side: 'prefix', label: 'USD' },
  '€': { currency: 'EUR', side: 'prefix', label: '€' },
  EUR: { currency: 'EUR', side: 'prefix', label: 'EUR' },
  RMB: { currency: 'CNY', side: 'prefix', label: 'RMB' },
  CNY: { currency: 'CNY', side: 'prefix', label: 'CNY' },
  RUB: { currency: 'RUB', side: 'prefix', label: 'RUB' },
  '₽': { currency: 'RUB', side: 'prefix', label: '₽' },
};

/** Units written after the number, by their singular; plural forms add an `s` where English does. */
const SUFFIXES: Record<string, Style> = {
  'us dollar': { currency: 'USD', side: 'suffix', label: 'US dollars', singular: 'US dollar' },
  'u.s. dollar': { currency: 'USD', side: 'suffix', label: 'U.S. dollars', singular: 'U.S. dollar' },
  'american dollar': { currency: 'USD', side: 'suffix', label: 'American dollars', singular: 'American dollar' },
  dollar: { currency: 'USD', side: 'suffix', label: 'dollars', singular: 'dollar' },
  usd: { currency: 'USD', side: 'suffix', label: 'USD', singular: 'USD' },
  euro: { currency: 'EUR', side: 'suffix', label: 'euros', singular: 'euro' },
  eur: { currency: 'EUR', side: 'suffix', label: 'EUR', singular: 'EUR' },
  yuan: { currency: 'CNY', side: 'suffix', label: 'yuan', singular: 'yuan' },
  rmb: { currency: 'CNY', side: 'suffix', label: 'RMB', singular: 'RMB' },
  'yuan rmb': { currency: 'CNY', side: 'suffix', label: 'yuan RMB', singular: 'yuan RMB' },
  ruble: { currency: 'RUB', side: 'suffix', label: 'rubles', singular: 'ruble' },
  rouble: { currency: 'RUB', side: 'suffix', label: 'roubles', singular: 'rouble' },
  rub: { currency: 'RUB', side: 'suffix', label: 'RUB', singular: 'RUB' },
};

const CURRENCY_NAMES: Record<string, string> = { USD: 'US dollar', EUR: 'euro', CNY: 'yuan', RUB: 'ruble' };

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:bn|mn)|\s(?:thousand|million|billion|trillion))`;
/**
 * One pass finds both sides. Prefix: a symbol or code not glued to a letter (so "HK$", "C$" stay
 * out), then the amount. Suffix: an amount not preceded by a symbol, then the unit right after it
 * (so "1.5 billion Hong Kong dollars" stays out: "Hong Kong" stands between).
 */
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}$.])(?<sym>US ?\$|U\.S\.\$|\$|USD ?|€|EUR ?|RMB ?|CNY ?|RUB ?|₽)(?<pamount>(?:${NUMBER})${SCALE}?)(?![\p{L}\p{N}])` +
    '|' +
    String.raw`(?<![\p{L}\p{N}$€₽.,])(?<samount>(?:${NUMBER})${SCALE}?) (?<unit>yuan RMB|US dollars?|U\.S\. dollars?|American dollars?|dollars?|USD|euros?|EUR|yuan|RMB|rubles?|roubles?|RUB)(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * What every amount needs: a digit, and a symbol, a code or a unit word (case-sensitive, as `MONEY`
 * is). Sentences without both are skipped without running `MONEY`.
 */
const DIGIT = /\d/;
const CURRENCY_WORD = /[$€₽]|USD|EUR|RMB|CNY|RUB|dollar|euro|yuan|ruble|rouble/;

/** One amount of money found in a sentence. */
interface Mention {
  style: Style;
  amount: string;
  /** Separator between a prefix and the amount, as written (`USD 1.5` vs `US$1.5`). */
  gap: string;
}

/** Reads a regex match as a mention, or undefined for a unit this check does not know. */
function mentionOf(m: RegExpMatchArray): Mention | undefined {
  const g = m.groups!;
  if (g.sym !== undefined) {
    const sym = g.sym.trim();
    const style = PREFIXES[sym];
    return style && { style, amount: g.pamount!, gap: g.sym.slice(sym.length) };
  }
  const unit = g.unit!.toLowerCase();
  const singular = SUFFIXES[unit] ? unit : unit.replace(/s$/, '');
  const style = SUFFIXES[singular];
  return style && { style, amount: g.samount!, gap: '' };
}

/** Writes an amount in a given style: prefixes keep the first mention's spacing, suffixes agree in number. */
function render(amount: string, style: Style, gap: string): string {
  if (style.side === 'prefix') return `${style.label}${gap}${amount}`;
  const unit = amount === '1' ? style.singular! : style.label;
  return `${amount} ${unit}`;
}

/**
 * Flags amounts of a currency written in another style than the article's first amount of it. The
 * fix rewrites into the first style, except prefix → suffix ("a US$1.5 billion loan" cannot become
 * "a 1.5 billion US dollars loan"), where it only suggests.
 */
export const inconsistentCurrency: CheckDefinition = {
  meta,
  create() {
    return (doc) => {
      const out: SentenceFinding[] = [];
      const first = new Map<string, Mention & { text: string }>();
      for (const s of doc.segmentation.sentences) {
        if (!DIGIT.test(s.text) || !CURRENCY_WORD.test(s.text)) continue;
        for (const m of s.text.matchAll(MONEY)) {
          const mention = mentionOf(m);
          if (!mention) continue;
          const norm = first.get(mention.style.currency);
          if (!norm) {
            first.set(mention.style.currency, { ...mention, text: m[0] });
            continue;
          }
          if (norm.style.label === mention.style.label) continue;
          const suggestion = render(mention.amount, norm.style, norm.gap);
          const range = [m.index, m.index + m[0].length] as const;
          const safe = !(mention.style.side === 'prefix' && norm.style.side === 'suffix');
          out.push(
            makeFinding(meta, {
              messageId: 'inconsistent',
              data: { currency: CURRENCY_NAMES[mention.style.currency]!, first: norm.text },
              sentence: s.index,
              text: s.text,
              range,
              suggestions: [suggestion],
              ...(safe ? { fix: { range, text: suggestion } } : {}),
            }),
          );
        }
      }
      return out;
    };
  },
};
