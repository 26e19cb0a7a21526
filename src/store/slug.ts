/**
 * Article slugs: URL-safe, unique names.
 */

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i' };

/** Turns a file name or title into a URL-safe slug (lower case ASCII letters, digits and dashes). */
export function slugify(name: string): string {
  const slug = name
    .replace(/\.txt$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœþðı]/g, (c) => LETTERS[c]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'article';
}

/** The slug itself when free, else the slug with the first free `-2`, `-3`, … suffix. */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
