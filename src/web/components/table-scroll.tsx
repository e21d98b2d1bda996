import type { ReactNode } from "react";

/** A wide table's frame: it scrolls sideways inside itself on a phone, reachable and named for the keyboard. */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  /** A class beside `table-scroll` (e.g. the compass's narrower cells). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `table-scroll ${className}` : "table-scroll"}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  );
}
