import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "success" | "info";

/**
 * A message box. Errors are `role="alert"` (read out at once); the other tones are
 * `role="status"` (read out politely, without interrupting).
 */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: AlertTone;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`alert alert-${tone}`}>
      {title && <p className="alert-title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
