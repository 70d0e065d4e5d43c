import { describe, expect, it } from 'vitest';
import { findDateRange, parseDate, toMonth, unionYears } from '../../src/sdk/local/parser/dates.js';

describe('parseDate', () => {
  it.each([
    ['Jan 2019', '2019-01'],
    ['January 2019', '2019-01'],
    ['Sept. 2020', '2020-09'],
    ['03/2017', '2017-03'],
    ['3/2017', '2017-03'],
    ['2018-11', '2018-11'],
    ['2015', '2015'],
    ['Smarch 2015', undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('findDateRange', () => {
  it.each([
    ['Senior Engineer, Acme — Jan 2019 – Present', { start: '2019-01', current: true }],
    ['Acme | Seattle, WA | Mar 2016 – Dec 2018', { start: '2016-03', end: '2018-12', current: false }],
    ['Engineer | Jan 2019 - Present', { start: '2019-01', current: true }],
    ['2012 - 2015', { start: '2012', end: '2015', current: false }],
    ['06/2010 to 08/2012', { start: '2010-06', end: '2012-08', current: false }],
    ['May 2021 — Current', { start: '2021-05', current: true }],
    ['Since March 2020', { start: '2020-03', current: true }],
    ['Jan-2019 to Mar-2021', { start: '2019-01', end: '2021-03', current: false }],
    ['Aug/2016 - Dec/2018', { start: '2016-08', end: '2018-12', current: false }],
    ['Intern, Acme | Summer 2019 – Fall 2019', { start: '2019-06', end: '2019-09', current: false }],
  ])('%s', (line, expected) => {
    expect(findDateRange(line)).toMatchObject(expected);
  });

  it.each(['Managed a budget of $2,000,000', 'Call (415) 555-0142', 'Python 3.11 and Go 1.22'])('finds no range in %s', (line) => {
    expect(findDateRange(line)).toBeUndefined();
  });
});

describe('unionYears', () => {
  it('counts overlapping intervals once', () => {
    const a: [number, number] = [toMonth('2015-01', 'start'), toMonth('2017-12', 'end')];
    const b: [number, number] = [toMonth('2017-01', 'start'), toMonth('2019-12', 'end')];
    expect(unionYears([a, b])).toBe(5);
  });
  it('adds disjoint intervals', () => {
    expect(unionYears([[toMonth('2010', 'start'), toMonth('2010', 'end')], [toMonth('2012-01', 'start'), toMonth('2012-06', 'end')]])).toBe(1.5);
  });
  it('is zero for nothing', () => {
    expect(unionYears([])).toBe(0);
  });
});
