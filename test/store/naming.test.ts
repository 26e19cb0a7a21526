import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { resolveDbPath } from '../../src/store/connection.js';
import { slugify, uniqueSlug } from '../../src/store/slug.js';

describe('store/naming', () => {
  describe('slugify', () => {
    const cases: Array<[string, string]> = [
      ['2020-09-14-putin-lukashenko-sochi-loan.txt', '2020-09-14-putin-lukashenko-sochi-loan'],
      ['Putin and Lukashenko meet, Russia will provide Belarus', 'putin-and-lukashenko-meet-russia-will-provide-belarus'],
      ['Łódź café — Straße news', 'lodz-cafe-strasse-news'],
      ['新冠疫苗', 'article'],
      ['  ---  ', 'article'],
      ['a'.repeat(100), 'a'.repeat(80)],
    ];
    for (const [name, slug] of cases) it(`${JSON.stringify(name.slice(0, 30))} → ${slug.slice(0, 30)}`, () => assert.equal(slugify(name), slug));
  });

  it('uniqueSlug adds the first free numeric suffix', () => {
    const taken = new Set(['news', 'news-2']);
    assert.deepEqual(['news', 'other'].map((s) => uniqueSlug(s, (c) => taken.has(c))), ['news-3', 'other']);
  });

  describe('resolveDbPath', () => {
    const cases: Array<[string, string | undefined, NodeJS.ProcessEnv, string]> = [
      ['the flag wins', 'x.db', { MT_REVIEW_DB: 'env.db' }, resolve('/srv/app', 'x.db')],
      ['then MT_REVIEW_DB', undefined, { MT_REVIEW_DB: 'env.db' }, resolve('/srv/app', 'env.db')],
      ['then data/mt-review.db', undefined, {}, resolve('/srv/app', 'data/mt-review.db')],
      ['memory stays memory', ':memory:', {}, ':memory:'],
    ];
    for (const [name, flag, env, expected] of cases) it(name, () => assert.equal(resolveDbPath(flag, env, '/srv/app'), expected));
  });
});
