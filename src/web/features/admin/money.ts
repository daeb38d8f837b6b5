/** Money arrives as integer micro-dollars (exact sums); people read dollars. */
const MICROS_PER_USD = 1_000_000;

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const smallDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 2,
});

/** "$12.40", and for the fractions of a cent one AI call costs, "$0.00042" rather than "$0.00". */
export function formatUsd(micros: number): string {
  const usd = micros / MICROS_PER_USD;
  if (micros > 0 && micros < 10_000) return smallDollars.format(usd);
  return dollars.format(usd);
}

const integer = new Intl.NumberFormat('en-US');
export function formatCount(value: number): string {
  return integer.format(value);
}
