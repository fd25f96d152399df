// The row-by-row report of a file import: row number, column, the cell's value and the problem.
import { Table } from '@mantine/core';

export interface RowError {
  row: number;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export function RowErrorsTable({
  errors,
  headers,
  problem,
  testId,
  minWidth = 560,
}: {
  errors: RowError[];
  headers: { row: string; column: string; value: string; problem: string };
  /** The translated problem of one row (modules translate their own codes). */
  problem: (e: RowError) => string;
  testId?: string;
  minWidth?: number;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} maxHeight={420}>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{headers.row}</Table.Th>
            <Table.Th>{headers.column}</Table.Th>
            <Table.Th>{headers.value}</Table.Th>
            <Table.Th>{headers.problem}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column ?? '—'}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.value ?? '—'}</Table.Td>
              <Table.Td>{problem(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
