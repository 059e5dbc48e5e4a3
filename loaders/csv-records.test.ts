import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, readCsvRecords, type CsvItem } from './csv-records.js';

async function read(chunks: string[]): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const batch of readCsvRecords(chunks)) items.push(...batch);
  return items;
}

describe('readCsvRecords', () => {
  it('reads RFC 4180 records with a BOM, CRLF, quotes, escaped quotes and multi-line fields', async () => {
    const text = '\ufeffa,b,c\r\n1,,3\r\n"x, y","say ""hi""",\r\n4,"two\r\nlines",6\r\n7,8,9';
    expect(await read([text])).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
      { line: 3, fields: ['x, y', 'say "hi"', ''] },
      { line: 4, fields: ['4', 'two\nlines', '6'] },
      { line: 6, fields: ['7', '8', '9'] },
    ]);
  });

  it('gives the same records whatever the chunking', async () => {
    const text = 'a,b\n"1\n2",x\n3,"y"\n';
    const whole = await read([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it('reports a malformed record and keeps every valid neighbour', async () => {
    const text = [
      'a,b,c',
      '1,2,3',
      '7,"bad"quote,9',
      '10,11,12',
      '13,x"y,15',
      '16,"unterminated,18',
      '19,20,21',
      '22,23,24',
    ].join('\n');
    const items = await read([text]);
    expect(items).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      {
        line: 3,
        problem: 'malformed quoting: characters after a closing quote',
        raw: '7,"bad"quote,9',
      },
      { line: 4, fields: ['10', '11', '12'] },
      { line: 5, problem: 'malformed quoting: a quote inside an unquoted field', raw: '13,x"y,15' },
      {
        line: 6,
        problem: 'malformed quoting: a quoted field is never closed',
        raw: '16,"unterminated,18',
      },
      { line: 7, fields: ['19', '20', '21'] },
      { line: 8, fields: ['22', '23', '24'] },
    ]);
  });

  it('resumes after an unterminated quote that a later line closes wrongly', async () => {
    const items = await read(['a,b\n1,"oops\n2,3\n4,"5"x\n6,7\n']);
    expect(items.filter((i) => 'fields' in i).map((i) => i.line)).toEqual([1, 3, 5]);
    expect(items.filter((i) => 'problem' in i).map((i) => i.line)).toEqual([2, 4]);
  });

  it('reports an absurdly long line without holding it, and goes on', async () => {
    const long = 'x'.repeat(MAX_RECORD_CHARS + 10);
    const items = await read(['a,b\n1,', long.slice(0, 40_000), long.slice(40_000), ',2\n3,4\n']);
    expect(items).toEqual([
      { line: 1, fields: ['a', 'b'] },
      expect.objectContaining({
        line: 2,
        problem: `record longer than ${MAX_RECORD_CHARS} characters`,
      }),
      { line: 3, fields: ['3', '4'] },
    ]);
  });
});
