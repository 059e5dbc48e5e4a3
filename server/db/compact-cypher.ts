// The text of a query as it is sent: comments dropped, each line's indentation and trailing
// space removed, blank lines gone; string literals and backquoted names exactly as written.
// The driver packs the whole text into every request (Bolt has no prepared statements) and
// writes it in 1,400-byte chunks, and Neo4j reads all of it before its plan-cache lookup: for
// the views' commented queries that was about a seventh of the API's CPU per request
// (bench/api.ts, entity detail). Line breaks are kept so a query still reads line by line in
// Neo4j's logs and `SHOW TRANSACTIONS`. No Cypher library for JavaScript does this; it is a
// small scanner of the lexical rules that matter here (quotes, escapes, comments).
export function compactCypher(text: string): string {
  let out = '';
  let line = '';
  const endLine = () => {
    const trimmed = line.trim();
    if (trimmed !== '') out += (out === '' ? '' : '\n') + trimmed;
    line = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(text, i);
      line += text.slice(i, end + 1);
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      i = (newline === -1 ? text.length : newline) - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        // Unclosed: left as written, for Neo4j to report (dropping it would cut the query).
        line += text.slice(i);
        break;
      }
      // A block comment stands for a space, as in Cypher's grammar.
      if (line !== '' && !line.endsWith(' ')) line += ' ';
      i = close + 1;
    } else if (c === '\n' || c === '\r') {
      endLine();
    } else if (c === ' ' || c === '\t') {
      if (line !== '' && !line.endsWith(' ')) line += ' ';
    } else {
      line += c;
    }
  }
  endLine();
  return out;
}

/**
 * The index of the quote closing the literal or name opened at `start` (the text's end when
 * it is not closed: Neo4j then reports the error). Strings take backslash escapes; a backquoted
 * name doubles its backquote.
 */
function closingQuote(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== '`' && c === '\\') i++;
    else if (c === quote) {
      if (quote === '`' && text[i + 1] === '`') i++;
      else return i;
    }
  }
  return text.length - 1;
}
