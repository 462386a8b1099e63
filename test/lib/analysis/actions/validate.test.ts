import { describe, expect, it } from 'vitest';
import { checkActions, parseActions } from '../../../../src/lib/analysis/actions';
import { CsatError } from '../../../../src/lib/errors';
import { actionsFile, config, HEADER, SEGMENT_VALUES } from './fixture';

const GOOD = 'A01,Faster support,a,plan=x,Ops,done,2026-04-01,2026-06-30,2026-06-15,75,note';

/** The one problem a file with a single bad row gives, formatted as the user sees it. */
function problem(row: string, header = HEADER): string {
  const { problems } = checkActions(actionsFile(`${header}\n${GOOD}\n${row}\n`), config, SEGMENT_VALUES);
  expect(problems).toHaveLength(1);
  expect(problems[0].exitCode).toBe(2);
  return problems[0].format();
}

describe('actions.csv validation', () => {
  it('reads a good row into a typed action', () => {
    const [a] = parseActions(actionsFile(`${HEADER}\n${GOOD}\n`), config, SEGMENT_VALUES);
    expect(a).toEqual({
      id: 'A01', title: 'Faster support', question: 'a', segment: 'plan', segment_value: 'x', owner: 'Ops', status: 'done',
      start: '2026-04-01', due: '2026-06-30', done: '2026-06-15', target: 75, notes: 'note', line: 2,
    });
  });

  it('accepts Chinese status words, Chinese headers, KPI ids, segment labels and Excel-style dates', () => {
    const csv = '编号,措施,指标,细分,负责人,状态,开始日期,截止日期,完成日期,目标值,备注\n'
      + 'B1,专属客服,csat,套餐=y,王敏,进行中,2026/4/1,2026年6月30日,,80%,\n'
      + 'B2,改版,nps,,陈刚,已完成,2026.01.05,,2026-02-01,30,\n'
      + 'B3,取消的,b,,,已取消,2026-01-01,,,,\n'
      + 'B4,计划的,a,all,,计划中,2027-01-01,,,,\n';
    const actions = parseActions(actionsFile(csv), config, SEGMENT_VALUES);
    expect(actions.map((a) => [a.id, a.status, a.question, a.segment, a.segment_value, a.start, a.due, a.target])).toEqual([
      ['B1', 'in_progress', 'csat', 'plan', 'y', '2026-04-01', '2026-06-30', 80],
      ['B2', 'done', 'nps', 'all', 'all', '2026-01-05', null, 30],
      ['B3', 'dropped', 'b', 'all', 'all', '2026-01-01', null, null],
      ['B4', 'planned', 'a', 'all', 'all', '2027-01-01', null, null],
    ]);
  });

  it('names file, line and column, what was found and what was expected, for each bad field', () => {
    expect(problem('A02,T,q_nope,,O,done,2026-04-01,,2026-05-01,,')).toBe(
      'data/actions.csv:3 column "question": unknown question "q_nope"; expected one of index, csat, nps, a, b, o, n',
    );
    expect(problem('A02,T,a,region=x,O,planned,2026-04-01,,,,')).toBe('data/actions.csv:3 column "segment": unknown segment "region"; segments: plan');
    expect(problem('A02,T,a,plan=z,O,planned,2026-04-01,,,,')).toBe('data/actions.csv:3 column "segment": unknown value "z" of segment plan; values: x, y (did you mean "x"?)');
    expect(problem('A02,T,a,plan x,O,planned,2026-04-01,,,,')).toMatch(/column "segment": "plan x" is not a segment filter; expected segment=value, e.g. plan=x/);
    expect(problem('A02,T,a,,O,finished?,2026-04-01,,,,')).toBe(
      'data/actions.csv:3 column "status": unknown status "finished?"; expected planned, in_progress, done or dropped (or 计划中, 进行中, 已完成, 已取消) (did you mean "finished"?)',
    );
    expect(problem('A02,T,a,,O,planned,01/04/2026,,,,')).toBe('data/actions.csv:3 column "start": "01/04/2026" is not a date; expected YYYY-MM-DD, e.g. 2026-07-01');
    expect(problem('A02,T,a,,O,planned,2026-02-30,,,,')).toMatch(/column "start": "2026-02-30" is not a date/);
    expect(problem('A02,T,a,,O,planned,2026-04-01,2026-03-01,,,')).toBe('data/actions.csv:3 column "due": due date 2026-03-01 is before the start date 2026-04-01');
    expect(problem('A02,T,a,,O,done,2026-04-01,,2026-03-31,,')).toBe('data/actions.csv:3 column "done": done date 2026-03-31 is before the start date 2026-04-01');
    expect(problem('A02,T,a,,O,in_progress,2026-04-01,,2026-05-01,,')).toMatch(/column "done": a done date \(2026-05-01\) is given but the status is in_progress/);
    expect(problem('A02,T,a,,O,done,2026-04-01,,,,')).toMatch(/column "done": done is blank but the status is done/);
    expect(problem('A01,T,a,,O,planned,2026-04-01,,,,')).toBe('data/actions.csv:3 column "id": duplicate id "A01"; first used on line 2 (give every action its own id)');
    expect(problem(',T,a,,O,planned,2026-04-01,,,,')).toMatch(/:3 column "id": id is blank/);
    expect(problem('A02,,a,,O,planned,2026-04-01,,,,')).toMatch(/:3 column "title": title is blank/);
    expect(problem('A02,T,a,,O,planned,,,,,')).toMatch(/:3 column "start": start is blank; expected a start date YYYY-MM-DD/);
    expect(problem('A02,T,a,,O,planned,2026-04-01,,,high,')).toBe('data/actions.csv:3 column "target": "high" is not a number; expected a target between 0 and 100');
    expect(problem('A02,T,a,,O,planned,2026-04-01,,,120,')).toBe('data/actions.csv:3 column "target": target 120 is outside 0–100, the range of the targeted metric');
    expect(problem('A02,T,nps,,O,planned,2026-04-01,,,-140,')).toBe('data/actions.csv:3 column "target": target -140 is outside -100–100, the range of the targeted metric');
    expect(checkActions(actionsFile(`${HEADER}\nA02,T,nps,,O,planned,2026-04-01,,,-40,\n`), config, SEGMENT_VALUES).problems).toEqual([]);
    expect(problem('A02,T,a,,O,planned,2026-04-01')).toBe('data/actions.csv:3: row has 7 fields; expected 11 as in the header (quote a value that holds a comma: "a, b")');
  });

  it('uses the header name as written in the column', () => {
    expect(problem('A02,T,a,,O,?,2026-04-01,,,,', HEADER.replace('status', ' Status '))).toMatch(/^data\/actions\.csv:3 column "Status": unknown status "\?"/);
  });

  it('stops on a header without a required column, naming the columns it has', () => {
    const f = actionsFile('id,title,metrik,status,start\nA1,T,a,planned,2026-01-01\n');
    expect(() => checkActions(f, config, SEGMENT_VALUES)).toThrow(CsatError);
    expect(() => checkActions(f, config, SEGMENT_VALUES)).toThrow(/missing column "question"; the header has: "id", "title", "metrik", "status", "start"/);
  });

  it('reports the first problem and how many more, and keeps the good rows out of nothing', () => {
    const csv = `${HEADER}\n${GOOD}\nA02,T,q_zz,,O,planned,2026-04-01,,,,\nA03,T,a,,O,later,2026-04-01,,,,\nA04,T,a,,O,planned,2026-13-01,,,,\n`;
    try {
      parseActions(actionsFile(csv), config, SEGMENT_VALUES);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsatError);
      expect((e as CsatError).format()).toBe(
        'data/actions.csv:3 column "question": unknown question "q_zz"; expected one of index, csat, nps, a, b, o, n (and 2 more problems: line 4 "status", line 5 "start")',
      );
      expect((e as CsatError).exitCode).toBe(2);
    }
    const { actions, problems } = checkActions(actionsFile(csv), config, SEGMENT_VALUES);
    expect(actions.map((a) => a.id)).toEqual(['A01']);
    expect(problems).toHaveLength(3);
  });

  it('skips blank rows and reads an empty file as no actions', () => {
    expect(parseActions(actionsFile(`${HEADER}\n,,,,,,,,,,\n${GOOD}\n`), config, SEGMENT_VALUES)).toHaveLength(1);
    expect(parseActions(actionsFile(''), config, SEGMENT_VALUES)).toEqual([]);
  });
});
