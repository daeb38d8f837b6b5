import { Link, type LinkProps } from 'react-router';
import { cx } from './cx.ts';

export const textLinkClasses =
  'font-medium text-brand-700 underline decoration-brand-300 underline-offset-4 hover:text-brand-900 hover:decoration-brand-700';

export function TextLink({ className, ...rest }: LinkProps) {
  return <Link {...rest} className={cx(textLinkClasses, className)} />;
}
