import assert from 'node:assert/strict';
import { cleanReviewerName, safeReturnPath } from '../../src/web/reviewer.js';
import { InvalidUtf8Body, verifyFormUtf8, verifyJsonUtf8 } from '../../src/web/body-encoding.js';
import type { IncomingMessage } from 'node:http';

const req = {} as IncomingMessage;

describe('web/reviewer and web/body-encoding', () => {
  it('accepts trimmed names of 1 to 80 characters without control characters', () => {
    assert.equal(cleanReviewerName('  Zhang   Wei '), 'Zhang Wei');
    assert.equal(cleanReviewerName('x'.repeat(80)), 'x'.repeat(80));
    for (const bad of ['', '   ', 'x'.repeat(81), 'a\u0000b', 42, undefined]) assert.equal(cleanReviewerName(bad), undefined, String(bad));
  });

  it('returns only to local paths', () => {
    assert.equal(safeReturnPath('/articles/a?filter=unreviewed'), '/articles/a?filter=unreviewed');
    for (const bad of ['//evil.example/', 'https://evil.example/', '/\\evil', 'articles', 7]) assert.equal(safeReturnPath(bad), '/', String(bad));
  });

  it('refuses JSON and form bodies that are not UTF-8, and lets valid ones through', () => {
    assert.throws(() => verifyJsonUtf8(req, {}, Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), InvalidUtf8Body);
    assert.doesNotThrow(() => verifyJsonUtf8(req, {}, Buffer.from('{"text":"é 白俄罗斯"}')));
    assert.throws(() => verifyFormUtf8(req, {}, Buffer.from('text=Bad%C3%28%FF')), InvalidUtf8Body);
    assert.doesNotThrow(() => verifyFormUtf8(req, {}, Buffer.from('text=%C3%A9%20ok&base=')));
    assert.doesNotThrow(() => verifyFormUtf8(req, {}, Buffer.from('text=plain+words')));
  });
});
