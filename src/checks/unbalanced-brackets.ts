/**
 * `unbalanced-brackets`: an opening bracket never closed, or a closing bracket never opened, within
 * one block (paragraph as typed, between blank lines).
 */
import type { CheckDefinition, CheckMeta, Sentence, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';
import { sentencesByBlock } from './support/blocks.js';

const meta: CheckMeta = {
  id: 'unbalanced-brackets',
  description: 'A bracket ( [ { without its partner in the same paragraph, or the wrong partner.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Document scope: brackets pair across the sentences of a block.
  scope: 'document',
  messages: {
    unclosed: 'The bracket “{{match}}” is never closed.',
    unopened: 'The bracket “{{match}}” closes nothing.',
    mismatched: 'The bracket “{{match}}” closes “{{open}}”; expected “{{expected}}”.',
  },
};

const ANY_BRACKET = /[()[\]{}]/;
const PARTNER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** True where a closing parenthesis ends an enumeration marker ("1)", "a)") or an emoticon (":)"). */
function isMarkerOrEmoticon(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 3), i + 1);
  if (/(?:^|\s)(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)$/.test(before)) return true;
  if (/[:;]-?[()]$/.test(before)) return true;
  return false;
}

/** Flags brackets left open at the end of a paragraph, closing brackets with no opener, and mismatched pairs. */
export const unbalancedBrackets: CheckDefinition = {
  meta,
  create() {
    return (doc) => {
      const out: SentenceFinding[] = [];
      const report = (s: Sentence, at: number, messageId: string, data: Record<string, string> = {}): void => {
        out.push(makeFinding(meta, { messageId, data, sentence: s.index, text: s.text, range: [at, at + 1] }));
      };
      for (const paragraph of sentencesByBlock(doc)) {
        const open: { s: Sentence; at: number; ch: string }[] = [];
        for (const s of paragraph) {
          const t = s.text;
          if (!ANY_BRACKET.test(t)) continue;
          for (let i = 0; i < t.length; i++) {
            const code = t.charCodeAt(i);
            // Only ( ) [ ] { } matter: everything else is skipped on its code alone.
            if (code !== 0x28 && code !== 0x29 && code !== 0x5b && code !== 0x5d && code !== 0x7b && code !== 0x7d) continue;
            const ch = t[i]!;
            if (ch in CLOSER) {
              open.push({ s, at: i, ch });
            } else {
              if (ch === ')' && isMarkerOrEmoticon(t, i)) continue;
              const want = PARTNER[ch]!;
              let depth = open.length - 1;
              while (depth >= 0 && open[depth]!.ch !== want) depth--;
              if (depth === -1) {
                const top = open[open.length - 1];
                if (top) {
                  report(s, i, 'mismatched', { open: top.ch, expected: CLOSER[top.ch]! });
                  open.pop();
                } else {
                  report(s, i, 'unopened');
                }
                continue;
              }
              // Openers above the partner were never closed.
              for (const o of open.splice(depth)) if (o.ch !== want) report(o.s, o.at, 'unclosed');
            }
          }
        }
        for (const o of open) report(o.s, o.at, 'unclosed');
      }
      return out.sort((a, b) => a.sentence - b.sentence || a.range[0] - b.range[0]);
    };
  },
};
