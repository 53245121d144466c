// Buttons and button-looking links: at least 44 px tall, a visible focus ring (index.css).
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from 'wouter';

type Variant = 'primary' | 'secondary' | 'danger';

const STYLES: Record<Variant, string> = {
  primary: 'bg-blue-800 text-white hover:bg-blue-900 border-blue-800',
  secondary: 'bg-white text-blue-900 hover:bg-blue-50 border-blue-800',
  danger: 'bg-red-800 text-white hover:bg-red-900 border-red-800',
};
const BASE =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded border-2 px-4 py-2 text-base font-semibold no-underline disabled:cursor-not-allowed disabled:opacity-70';

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`${BASE} ${STYLES[variant]} ${className}`} {...rest} />;
}

export function ButtonLink({
  href,
  children,
  variant = 'primary',
}: {
  href: string;
  children: ReactNode;
  variant?: Variant;
}) {
  return (
    <Link href={href} className={`${BASE} ${STYLES[variant]}`}>
      {children}
    </Link>
  );
}
