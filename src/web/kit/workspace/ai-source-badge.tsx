/** Marks a field whose text was accepted from the coach, until the user edits it. */
export function AiSourceBadge({ className }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 ${className ?? ''}`}
    >
      From the coach
    </span>
  );
}
