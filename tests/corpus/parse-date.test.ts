import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/corpus/parse-date.ts';

describe('parseDate', () => {
  it.each([
    ['2021-03-05 10:00:00', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021', '2021'],
    ['2021年', '2021'],
  ])('reads %s', (input, iso) => {
    expect(parseDate(input)?.iso).toBe(iso);
    expect(parseDate(input)?.year).toBe(2021);
  });

  // bare numbers are never guessed to be Excel serial days (45000 would be 2023, 20210 1955)
  it.each(['明年', '2021-02-30', 'abc', '21/3/5', '', '44260', '45000', '20210', '99999'])('refuses %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});
