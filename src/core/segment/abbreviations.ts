/**
 * Word lists for the sentence segmenter, kept apart from its logic.
 *
 * Every entry is lower case and written without its final period; dotted forms keep their
 * inner periods (`e.g`, `a.m`). Lookups lower-case the token first, so `MR.` and `Mr.` agree.
 */

/** How a period after an abbreviation behaves when the next word is capitalised or a number. */
export type AbbreviationKind =
  /** Never ends a sentence: a title or Latin connective that always introduces more (`Mr.`, `e.g.`). */
  | 'continues'
  /** Does not end a sentence before a number (`No. 5`); otherwise an ordinary word (`The answer is no.`). */
  | 'before-number'
  /** Ends a sentence only when the next word is a common sentence starter (`Co. It`, but `Co. Ltd`). */
  | 'ambiguous'
  /** A clock abbreviation (`p.m.`): like `ambiguous`, and also ends before a title (`6 p.m. Mr. Smith`). */
  | 'time';

const CONTINUES = [
  // Titles that stand before a name.
  'mr', 'mrs', 'ms', 'mx', 'messrs', 'mmes', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'cpl', 'pvt',
  'capt', 'cmdr', 'cdr', 'adm', 'maj', 'brig', 'gov', 'sen', 'rep', 'reps', 'sens', 'rev', 'hon',
  'pres', 'supt', 'det', 'insp', 'fr', 'msgr', 'mt', 'amb', 'atty', 'treas', 'sec\'y',
  // Latin and other connectives that are always followed by more of the sentence.
  'e.g', 'i.e', 'cf', 'viz', 'vs', 'v', 'a.k.a', 'resp',
];

const BEFORE_NUMBER = ['no', 'nos', 'n°', 'nº', 'nr'];

const AMBIGUOUS = [
  // Company and name suffixes.
  'inc', 'ltd', 'corp', 'co', 'cos', 'llc', 'plc', 'bros', 'jr', 'sr', 'esq', 'phd',
  // Reference and measure words that usually precede a number.
  'p', 'pp', 'fig', 'figs', 'vol', 'vols', 'art', 'arts', 'sec', 'secs', 'ch', 'chap', 'para',
  'op', 'tel', 'ext', 'eds', 'approx', 'ca', 'est', 'min', 'ser', 'ft', 'sq', 'oz', 'lb', 'lbs',
  // Months.
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Days.
  'tue', 'tues', 'thu', 'thur', 'thurs', 'fri',
  // Places and addresses (`St.` is also Saint, which is never followed by a sentence starter).
  'st', 'ave', 'blvd', 'rd', 'hwy', 'dept', 'univ', 'assn', 'govt', 'natl', 'intl', 'mts',
  // US states as newspapers abbreviate them.
  // (Those that are also common English words, such as Ill., Mass. or Wash., are left out.)
  'ala', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'ind', 'kan', 'kans', 'ky', 'md', 'mich',
  'minn', 'mont', 'neb', 'nev', 'okla', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo',
  // Other common ones.
  'etc', 'al', 'gov\'t', 'misc', 'dist', 'div', 'mfg', 'mgr', 'dir', 'asst', 'assoc',
];

const TIME = ['a.m', 'p.m'];

/**
 * Capitalised words that very often begin a sentence and are rarely part of a name; after an
 * ambiguous abbreviation (`U.S.`, `Co.`, `p.m.`, an initial) one of these means a new sentence.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'then', 'thus', 'hence',
  'i', 'he', 'she', 'it', 'we', 'they', 'you', 'his', 'her', 'its', 'our', 'their', 'my', 'your',
  'me', 'him', 'us', 'them', 'one', 'someone', 'nobody', 'everyone',
  'but', 'and', 'or', 'so', 'yet', 'nor', 'if', 'when', 'while', 'whereas', 'although', 'though',
  'because', 'since', 'as', 'after', 'before', 'once', 'until', 'unless', 'however', 'meanwhile',
  'moreover', 'furthermore', 'therefore', 'nevertheless', 'nonetheless', 'instead', 'still', 'also',
  'besides', 'indeed', 'otherwise', 'finally', 'first', 'second', 'third', 'next', 'last', 'later',
  'earlier', 'now', 'today', 'yesterday', 'tomorrow', 'tonight', 'recently', 'currently',
  'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'within', 'during', 'under', 'over',
  'about', 'against', 'among', 'between', 'despite', 'through', 'to', 'of', 'into', 'unlike',
  'according', 'regarding', 'following',
  'what', 'why', 'how', 'who', 'whom', 'whose', 'where', 'which',
  'is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'has', 'have', 'had', 'would',
  'should', 'could', 'can', 'must', 'shall', 'might', 'let', 'please', 'yes', 'no', 'not', 'never',
  'all', 'both', 'each', 'every', 'many', 'most', 'much', 'some', 'several', 'few', 'other',
  'another', 'such', 'only', 'even', 'just', 'perhaps', 'maybe',
]);

/** Titles that may follow a clock abbreviation at the start of a new sentence (`6 p.m. Mr. Smith left`). */
export const TITLES_AFTER_TIME: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'gov', 'sen', 'rep', 'capt', 'col', 'lt', 'sgt', 'rev',
]);

/** Every known abbreviation with its kind. */
export const ABBREVIATIONS: ReadonlyMap<string, AbbreviationKind> = buildMap();

function buildMap(): Map<string, AbbreviationKind> {
  const map = new Map<string, AbbreviationKind>();
  for (const a of AMBIGUOUS) map.set(a, 'ambiguous');
  for (const a of BEFORE_NUMBER) map.set(a, 'before-number');
  for (const a of CONTINUES) map.set(a, 'continues');
  for (const a of TIME) map.set(a, 'time');
  return map;
}
