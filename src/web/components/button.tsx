import type { ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

export interface ButtonProps extends Omit<AriaButtonProps, "className" | "children" | "isPending"> {
  variant?: ButtonVariant;
  children: ReactNode;
  className?: string;
  /** Busy (e.g. saving): stays focusable, ignores presses, shows a spinner, is `aria-disabled`. */
  isPending?: boolean;
}

/**
 * React Aria's button (press handling that works the same for mouse, touch and keyboard).
 * Pending is handled here rather than by React Aria's `isPending`: its announcement leaves a
 * live-region node pointing at the button, which dangles once a submit navigates away.
 */
export function Button({
  variant = "primary",
  className,
  children,
  isPending,
  onPress,
  type,
  ...props
}: ButtonProps) {
  return (
    <AriaButton
      {...props}
      // While pending, Enter in a field must not submit the form again.
      type={isPending && type === "submit" ? "button" : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending ? true : undefined}
      data-pending={isPending || undefined}
      className={`btn btn-${variant} ${className ?? ""}`.trim()}
    >
      {isPending && <span className="spinner spinner-small" aria-hidden="true" />}
      {children}
    </AriaButton>
  );
}
