/** Pieces only the IDEA module worksheets use: coach text appended to a field, and a field beside its coach. */
import type { ReactNode } from 'react';

/** Appends coach text to what the user wrote, within the field's limit. */
export function appendText(current: string, addition: string, maxLength: number): string {
  const joined = current.trim() ? `${current.trimEnd()}\n\n${addition}` : addition;
  return joined.slice(0, maxLength);
}

/** A field on the left and its coach on the right; stacked on narrow screens. */
export function FieldWithCoach({ field, coach }: { field: ReactNode; coach: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-3">{field}</div>
      {coach}
    </div>
  );
}
