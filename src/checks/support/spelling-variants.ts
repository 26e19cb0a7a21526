/**
 * Spelling variants for `inconsistent-spelling`: each family lists two or more ways of writing the
 * same words, form by form (so "cooperate" and "co-operation" belong together). Data only.
 */

/** One family: `variants[v][f]` is form `f` written the `v`-th way. */
export interface VariantFamily {
  id: string;
  variants: string[][];
  /** Variants that differ only in letter case (COVID-19, Covid-19) must be matched exactly. */
  caseSensitive?: boolean;
}

/** The families, chosen for MT news from Chinese about Belarus and Russia, and for US/UK spelling. */
export const VARIANT_FAMILIES: readonly VariantFamily[] = [
  { id: 'lukashenko', variants: [['Lukashenko'], ['Lukashenka']] },
  { id: 'tikhanovskaya', variants: [['Tikhanovskaya'], ['Tsikhanouskaya'], ['Tsikhanovskaya']] },
  { id: 'zelensky', variants: [['Zelensky'], ['Zelenskyy'], ['Zelenskiy']] },
  { id: 'kyiv', variants: [['Kiev'], ['Kyiv']] },
  { id: 'covid', variants: [['COVID-19'], ['Covid-19'], ['covid-19'], ['COVID19'], ['Covid19']], caseSensitive: true },
  {
    id: 'cooperate',
    variants: [
      ['cooperation', 'cooperate', 'cooperates', 'cooperated', 'cooperating', 'cooperative'],
      ['co-operation', 'co-operate', 'co-operates', 'co-operated', 'co-operating', 'co-operative'],
    ],
  },
  {
    id: 'coordinate',
    variants: [
      ['coordination', 'coordinate', 'coordinates', 'coordinated', 'coordinating'],
      ['co-ordination', 'co-ordinate', 'co-ordinates', 'co-ordinated', 'co-ordinating'],
    ],
  },
  { id: 'fulfil', variants: [['fulfill', 'fulfills', 'fulfillment'], ['fulfil', 'fulfils', 'fulfilment']] },
  { id: 'defence', variants: [['defense', 'defenses'], ['defence', 'defences']] },
  { id: 'neighbour', variants: [['neighbor', 'neighbors', 'neighboring'], ['neighbour', 'neighbours', 'neighbouring']] },
  { id: 'favour', variants: [['favor', 'favorable', 'favored'], ['favour', 'favourable', 'favoured']] },
  { id: 'behaviour', variants: [['behavior'], ['behaviour']] },
  { id: 'honour', variants: [['honor', 'honored'], ['honour', 'honoured']] },
  { id: 'recognise', variants: [['recognize', 'recognized', 'recognizes', 'recognizing'], ['recognise', 'recognised', 'recognises', 'recognising']] },
  { id: 'criticise', variants: [['criticize', 'criticized', 'criticizes', 'criticizing'], ['criticise', 'criticised', 'criticises', 'criticising']] },
  { id: 'emphasise', variants: [['emphasize', 'emphasized', 'emphasizes'], ['emphasise', 'emphasised', 'emphasises']] },
  { id: 'realise', variants: [['realize', 'realized', 'realizes'], ['realise', 'realised', 'realises']] },
  { id: 'judgement', variants: [['judgment'], ['judgement']] },
  { id: 'percent', variants: [['percent'], ['per cent']] },
  { id: 'cancelled', variants: [['canceled', 'canceling'], ['cancelled', 'cancelling']] },
  { id: 'travelled', variants: [['traveled', 'traveling'], ['travelled', 'travelling']] },
  { id: 'email', variants: [['email'], ['e-mail']] },
];
