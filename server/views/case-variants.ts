// Case-insensitive search through case-sensitive indexes: every way of writing the beginning of
// the search text in upper and lower case. An index seek for each variant finds every value that
// matches the text case-insensitively (plus some that match only the beginning), and the query
// then keeps the exact matches. The beginning is cut after `maxLetters` letters, so there are at
// most 2^maxLetters variants.

/** Letters whose upper and lower case are single, different characters. */
function cases(ch: string): string[] {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || [...lower].length !== 1 || [...upper].length !== 1) return [ch];
  return [lower, upper];
}

/** The longest beginning of `text` with at most `maxLetters` cased letters, in every case. */
export function caseVariants(text: string, maxLetters: number): string[] {
  let variants = [''];
  let letters = 0;
  for (const ch of text) {
    const options = cases(ch);
    if (options.length > 1) {
      if (letters === maxLetters) break;
      letters++;
    }
    variants = variants.flatMap((v) => options.map((o) => v + o));
  }
  return variants;
}
