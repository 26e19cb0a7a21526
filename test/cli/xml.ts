/**
 * A tiny, strict XML reader for testing the junit formatter: elements, quoted attributes, text and
 * the five named entities plus numeric references. Throws on anything malformed.
 */

/** An element with its attributes, child elements and concatenated text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decode(raw: string, where: number): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw)) throw new Error(`unescaped < or & near offset ${where}`);
  return raw.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp']!;
  });
}

/** Parses a document with one root element (after an optional XML declaration). */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^"]*")*)\s*(\/?)>/y;
  while (i < xml.length) {
    if (xml[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(xml);
      if (!m) throw new Error(`malformed tag at offset ${i}`);
      const [whole, close, name, attrText, selfClose] = m;
      if (close) {
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name}> at offset ${i}`);
      } else {
        const attrs: Record<string, string> = {};
        for (const a of attrText!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)) {
          if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
          attrs[a[1]!] = decode(a[2]!, i);
        }
        const el: XmlElement = { name: name!, attrs, children: [], text: '' };
        if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
        else if (root) throw new Error('more than one root element');
        else root = el;
        if (!selfClose) stack.push(el);
      }
      i += whole.length;
    } else {
      const next = xml.indexOf('<', i);
      const end = next === -1 ? xml.length : next;
      const raw = xml.slice(i, end);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error(`text outside the root element at offset ${i}`);
      } else {
        stack[stack.length - 1]!.text += decode(raw, i);
      }
      i = end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
