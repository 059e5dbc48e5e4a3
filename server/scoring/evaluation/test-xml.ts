// Test support: a small well-formedness check for the SVG the charts write (no XML parser is a
// dependency). It accepts the subset of XML the charts use — elements, attributes in double
// quotes, text, the five predefined entities and numeric references — and reports the first
// problem: an unbalanced or crossed tag, a bad attribute, a stray '<' or '&', or more than one
// root element.

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const ATTRS = new RegExp(`^(\\s+${NAME}="[^"<]*")*\\s*$`);
const TAG = new RegExp(`<(/?)(${NAME})([^>]*?)(/?)>`, 'g');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(text: string, at: number): string | null {
  if (text.includes('<')) return `stray '<' near offset ${at}`;
  if (text.replace(ENTITY, '').includes('&')) return `unescaped '&' near offset ${at}`;
  return null;
}

/** Null when `xml` is well-formed (in the subset above), else the first problem. */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const m of xml.matchAll(TAG)) {
    const [whole, close, name, attrs, selfClose] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const at = m.index;
    const text = checkText(xml.slice(last, at), last);
    if (text) return text;
    last = at + whole.length;
    if (!ATTRS.test(attrs)) return `bad attributes in <${name}> at offset ${at}`;
    if (attrs.replace(ENTITY, '').includes('&')) return `unescaped '&' in <${name}> at ${at}`;
    if (close) {
      const open = stack.pop();
      if (open !== name) return `</${name}> at offset ${at} closes <${open ?? 'nothing'}>`;
      continue;
    }
    if (stack.length === 0) roots++;
    if (!selfClose) stack.push(name);
  }
  const tail = checkText(xml.slice(last), last);
  if (tail) return tail;
  if (stack.length > 0) return `<${stack.join('> <')}> never closed`;
  if (roots !== 1) return `${roots} root elements`;
  return null;
}
