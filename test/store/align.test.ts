import assert from 'node:assert/strict';
import { alignSentences, type SentenceMove } from '../../src/store/align.js';

describe('store/align', () => {
  const cases: Array<{ name: string; old: string[]; new: string[]; moves: SentenceMove[] }> = [
    { name: 'identical', old: ['a', 'b'], new: ['a', 'b'], moves: [{ kind: 'same', from: 0, to: 0 }, { kind: 'same', from: 1, to: 1 }] },
    {
      name: 'a sentence inserted: later ones move',
      old: ['a', 'b'],
      new: ['a', 'x', 'b'],
      moves: [{ kind: 'same', from: 0, to: 0 }, { kind: 'same', from: 1, to: 2 }],
    },
    {
      name: 'a sentence changed: paired by position',
      old: ['a', 'b', 'c'],
      new: ['a', 'B', 'c'],
      moves: [{ kind: 'same', from: 0, to: 0 }, { kind: 'changed', from: 1, to: 1 }, { kind: 'same', from: 2, to: 2 }],
    },
    {
      name: 'two replaced by one: the first is changed, the second removed',
      old: ['a', 'b', 'c', 'd'],
      new: ['a', 'X', 'd'],
      moves: [{ kind: 'same', from: 0, to: 0 }, { kind: 'changed', from: 1, to: 1 }, { kind: 'removed', from: 2 }, { kind: 'same', from: 3, to: 2 }],
    },
    { name: 'everything removed', old: ['a'], new: [], moves: [{ kind: 'removed', from: 0 }] },
    { name: 'nothing before', old: [], new: ['a'], moves: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const moves = alignSentences(c.old, c.new);
      const order = (m: SentenceMove): number => m.from;
      assert.deepEqual([...moves].sort((x, y) => order(x) - order(y)), c.moves);
    });
  }
});
