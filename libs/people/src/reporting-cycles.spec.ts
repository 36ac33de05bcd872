import { findReportingCycles } from './reporting-cycles';

describe('findReportingCycles', () => {
  it('finds each cycle once and nothing in a tree', () => {
    expect(
      findReportingCycles([
        { employeeId: 'a', managerEmployeeId: null },
        { employeeId: 'b', managerEmployeeId: 'a' },
        { employeeId: 'c', managerEmployeeId: 'b' },
      ]),
    ).toEqual([]);
    expect(
      findReportingCycles([
        { employeeId: 'x', managerEmployeeId: 'y' },
        { employeeId: 'y', managerEmployeeId: 'x' },
        { employeeId: 'z', managerEmployeeId: 'x' },
      ]),
    ).toEqual([['x', 'y']]);
  });
});
