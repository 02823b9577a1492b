import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

let lastRowKey = 0;

/** A key for a row of a form's list, so that React keeps each row's inputs while rows above it come and go. */
export function newRowKey(): number {
  return ++lastRowKey;
}

/** Adding, changing and removing the rows of a form's list field, each row known by its `key` (see newRowKey). */
export function formRows<R extends { key: number }>(rows: R[], setRows: (rows: R[]) => void) {
  return {
    add: (row: Omit<R, 'key'>) => setRows([...rows, { ...row, key: newRowKey() } as R]),
    update: (key: number, patch: Partial<R>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    remove: (key: number) => setRows(rows.filter((r) => r.key !== key)),
  };
}

/** The red bin at the end of a form's row; `label` names the row ("ลบผู้เข้าร่วมคนที่ 2"). */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={onClick} aria-label={label}>
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}
