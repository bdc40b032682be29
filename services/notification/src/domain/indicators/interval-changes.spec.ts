import { intervalRows } from './interval-changes';

const change = (key: string, day: string, opens: boolean, fact = `${key}@${day}`) => ({ key, day, opens, fact });

describe('a batch of interval changes as two writes', () => {
  it('closes what was stored open on the first change of each key, once', () => {
    const { closes } = intervalRows([change('a', '2027-01-02', true), change('b', '2027-01-03', false), change('a', '2027-01-05', false)]);
    expect(closes.map(({ key, day }) => `${key}:${day}`)).toEqual(['a:2027-01-02', 'b:2027-01-03']);
  });

  it('ends an interval the batch opened at the next change of its key, and leaves the last one open', () => {
    const { opens } = intervalRows([
      change('a', '2027-01-02', true, 'watch'), change('a', '2027-01-04', true, 'warning'), change('b', '2027-01-04', true, 'watch'),
      change('a', '2027-01-06', true, 'critical'),
    ]);
    expect(opens).toEqual([
      { fact: 'watch', from: '2027-01-02', to: '2027-01-04' },
      { fact: 'warning', from: '2027-01-04', to: '2027-01-06' },
      { fact: 'watch', from: '2027-01-04', to: null },
      { fact: 'critical', from: '2027-01-06', to: null },
    ]);
  });

  it('opens nothing for a close, and a close after a close ends nothing more', () => {
    const { opens } = intervalRows([change('a', '2027-01-02', true), change('a', '2027-01-03', false), change('a', '2027-01-04', false)]);
    expect(opens).toEqual([{ fact: 'a@2027-01-02', from: '2027-01-02', to: '2027-01-03' }]);
  });
});
