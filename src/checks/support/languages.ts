/**
 * Language data for `wrong-language`, kept apart from its logic: writing systems and the language
 * each implies, franc candidate lists, function-word lists and display names (ISO 639-3 codes).
 */

/** A writing system other than Latin: any run of it in English text is untranslated. */
export interface ScriptInfo {
  /** Display name of the script. */
  name: string;
  /** Matches one letter of the script (no `g` flag). */
  letter: RegExp;
  /** Letters a run needs before it counts (a lone Greek letter is a symbol, a lone Han character is not). */
  minLetters: number;
  /** The language assumed when nothing better is known. */
  defaultLang: string;
  /** Languages franc may choose from for a long run of this script. */
  franc?: string[];
}

/** Non-Latin writing systems, most frequent in MT news first. CJK scripts form one group: Han runs mix with kana and hangul. */
export const SCRIPTS: readonly ScriptInfo[] = [
  { name: 'CJK', letter: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u, minLetters: 1, defaultLang: 'cmn' },
  { name: 'Cyrillic', letter: /\p{Script=Cyrillic}/u, minLetters: 2, defaultLang: 'rus', franc: ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd'] },
  { name: 'Arabic', letter: /\p{Script=Arabic}/u, minLetters: 2, defaultLang: 'arb', franc: ['arb', 'pes', 'urd'] },
  { name: 'Hebrew', letter: /\p{Script=Hebrew}/u, minLetters: 2, defaultLang: 'heb' },
  { name: 'Greek', letter: /\p{Script=Greek}/u, minLetters: 4, defaultLang: 'ell' },
  { name: 'Thai', letter: /\p{Script=Thai}/u, minLetters: 2, defaultLang: 'tha' },
  { name: 'Devanagari', letter: /\p{Script=Devanagari}/u, minLetters: 2, defaultLang: 'hin' },
  { name: 'Georgian', letter: /\p{Script=Georgian}/u, minLetters: 2, defaultLang: 'kat' },
  { name: 'Armenian', letter: /\p{Script=Armenian}/u, minLetters: 2, defaultLang: 'hye' },
];

/**
 * Latin-script languages the check can recognise, each with function words that are frequent in
 * it and rare in English news. A sentence is only called foreign when franc and these words agree.
 */
export const LATIN_FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  fra: 'le la les l de des du d un une et est à au aux en dans pour par sur que qui qu ne n pas plus avec ce cette ces il elle nous vous ils elles sont ont été son sa ses leur se s c j y où mais'.split(' '),
  deu: 'der die das den dem des ein eine einen einem einer und ist sind nicht mit von zu zum zur im auf für sich wir ihr es er sie auch bei aus nach wird werden hat haben seit dass als wie um über noch nur'.split(' '),
  spa: 'el la los las de del y que en es por con una un para se no al su sus lo como más pero ha han fue está son'.split(' '),
  ita: 'il lo la gli le i di del della dei delle e è che per con non una un uno al alla da dal si sono ha ma anche come più nel nella'.split(' '),
  por: 'o a os as de do da dos das e é que em um uma para com não por no na nos nas se ao mais como mas foi vai pelo pela'.split(' '),
  nld: 'de het een en van is dat niet op te met voor zijn die ook aan er maar om bij zal wordt naar dan'.split(' '),
  pol: 'i w z na się nie to że do jest jak o ale po od za są'.split(' '),
  tur: 've bir bu da de için ile çok olarak gibi daha ne olan'.split(' '),
  swe: 'och att det som en är på för med av inte till den har de om ett'.split(' '),
};

/**
 * English function words that none of the languages above uses often ("in", "is", "was", "a", "on",
 * "will", "we" are left out: Dutch, German or French have them too).
 */
export const ENGLISH_FUNCTION_WORDS: readonly string[] = 'the and of to that with for from by this these those it its he she they their his has have been were would which who said at as but not be are or after about also than there our you'.split(' ');

/** Display names of the languages the check reports. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  cmn: 'Chinese', jpn: 'Japanese', kor: 'Korean', rus: 'Russian', ukr: 'Ukrainian', bel: 'Belarusian',
  bul: 'Bulgarian', srp: 'Serbian', mkd: 'Macedonian', arb: 'Arabic', pes: 'Persian', urd: 'Urdu',
  heb: 'Hebrew', ell: 'Greek', tha: 'Thai', hin: 'Hindi', kat: 'Georgian', hye: 'Armenian',
  fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese', nld: 'Dutch',
  pol: 'Polish', tur: 'Turkish', swe: 'Swedish', eng: 'English', und: 'an unknown language',
};
