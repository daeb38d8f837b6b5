/** Field values as short readable text, for comparing versions (conflicts, revision history). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(empty)';
    return value.map((entry) => (typeof entry === 'object' ? objectText(entry) : String(entry))).join(' · ');
  }
  return objectText(value);
}

function objectText(value: unknown): string {
  if (value === null || typeof value !== 'object') return valueText(value);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== '' && entry !== null && !(Array.isArray(entry) && entry.length === 0))
    .map(([key, entry]) => `${humanise(key)}: ${valueText(entry)}`);
  return parts.length > 0 ? parts.join('; ') : '(empty)';
}

/** `valueProposition` → "Value proposition". */
export function humanise(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Top-level fields whose values differ between two copies. */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
