/**
 * Country names and the adjectives news English uses before a title ("Belarusian President"),
 * for `inconsistent-title`. Data only.
 */

/** A country: the nouns that may stand before a title or after "President of", and its adjectives. */
export interface Country {
  /** Nouns as written: "Belarus", "US", "U.S.", "United States". */
  nouns: string[];
  /** Adjectives: "Belarusian", "American". */
  adjectives: string[];
  /** Whether "of" takes "the" ("President of the United States"). */
  the?: boolean;
}

/** The countries the check knows, most frequent in the seed corpus first. */
export const COUNTRIES: readonly Country[] = [
  { nouns: ['Belarus'], adjectives: ['Belarusian', 'Belarussian', 'Byelorussian'] },
  { nouns: ['Russia'], adjectives: ['Russian'] },
  { nouns: ['China'], adjectives: ['Chinese'] },
  { nouns: ['Ukraine'], adjectives: ['Ukrainian'] },
  { nouns: ['United States', 'US', 'U.S.'], adjectives: ['American'], the: true },
  { nouns: ['Kazakhstan'], adjectives: ['Kazakh', 'Kazakhstani'] },
  { nouns: ['Uzbekistan'], adjectives: ['Uzbek'] },
  { nouns: ['Kyrgyzstan'], adjectives: ['Kyrgyz'] },
  { nouns: ['Tajikistan'], adjectives: ['Tajik'] },
  { nouns: ['Turkmenistan'], adjectives: ['Turkmen'] },
  { nouns: ['Armenia'], adjectives: ['Armenian'] },
  { nouns: ['Azerbaijan'], adjectives: ['Azerbaijani'] },
  { nouns: ['Georgia'], adjectives: ['Georgian'] },
  { nouns: ['Moldova'], adjectives: ['Moldovan'] },
  { nouns: ['Lithuania'], adjectives: ['Lithuanian'] },
  { nouns: ['Latvia'], adjectives: ['Latvian'] },
  { nouns: ['Estonia'], adjectives: ['Estonian'] },
  { nouns: ['Poland'], adjectives: ['Polish'] },
  { nouns: ['Germany'], adjectives: ['German'] },
  { nouns: ['France'], adjectives: ['French'] },
  { nouns: ['Italy'], adjectives: ['Italian'] },
  { nouns: ['Spain'], adjectives: ['Spanish'] },
  { nouns: ['Turkey', 'Türkiye'], adjectives: ['Turkish'] },
  { nouns: ['Iran'], adjectives: ['Iranian'] },
  { nouns: ['Egypt'], adjectives: ['Egyptian'] },
  { nouns: ['Brazil'], adjectives: ['Brazilian'] },
  { nouns: ['India'], adjectives: ['Indian'] },
  { nouns: ['Japan'], adjectives: ['Japanese'] },
  { nouns: ['South Korea', 'ROK'], adjectives: ['South Korean'] },
  { nouns: ['Serbia'], adjectives: ['Serbian'] },
  { nouns: ['Finland'], adjectives: ['Finnish'] },
  { nouns: ['Hungary'], adjectives: ['Hungarian'] },
  { nouns: ['Mongolia'], adjectives: ['Mongolian'] },
  { nouns: ['Pakistan'], adjectives: ['Pakistani'] },
  { nouns: ['Israel'], adjectives: ['Israeli'] },
  { nouns: ['Syria'], adjectives: ['Syrian'] },
  { nouns: ['Venezuela'], adjectives: ['Venezuelan'] },
  { nouns: ['Cuba'], adjectives: ['Cuban'] },
];

/** Titles that take a country: "President", "Prime Minister", … (longest first when compiled). */
export const TITLES: readonly string[] = ['President', 'Vice President', 'Prime Minister', 'Foreign Minister', 'Defense Minister', 'Defence Minister', 'Finance Minister'];
