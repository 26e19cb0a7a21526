/**
 * A bounded memo keyed by a sentence's text, then by a short tag (which checker and sentence kind,
 * which glossary context …). Keyed by the text itself rather than by a string built from it: V8
 * keeps a string's hash on the string, so the checker, the glossary and the checks that look up
 * the same sentence hash it once between them, where built keys were hashed again by each.
 *
 * A hit changes nothing and the oldest text is forgotten first (a Map keeps insertion order): an
 * LRU's delete-and-set on every hit cost as much as the work it saved.
 */
/** Default bound of a memo, in values: a sentence each, about a thousand 50-sentence articles. */
export const TEXT_MEMO_ENTRIES = 50_000;

export class TextMemo<V> {
  private readonly byText = new Map<string, Map<string, V>>();
  private count = 0;

  /** At most `maxEntries` values (text and tag pairs) are held. */
  constructor(readonly maxEntries: number = TEXT_MEMO_ENTRIES) {}

  /** Values held. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.byText.clear();
    this.count = 0;
  }

  get(text: string, tag = ''): V | undefined {
    return this.byText.get(text)?.get(tag);
  }

  /** Remembers `value` and returns it. */
  set(text: string, tag: string, value: V): V {
    if (!this.byText.get(text)?.has(tag)) {
      while (this.count >= this.maxEntries && this.byText.size > 0) {
        const oldest = this.byText.keys().next().value!;
        this.count -= this.byText.get(oldest)!.size;
        this.byText.delete(oldest);
      }
      this.count++;
    }
    let tags = this.byText.get(text);
    if (!tags) this.byText.set(text, (tags = new Map()));
    tags.set(tag, value);
    return value;
  }
}
