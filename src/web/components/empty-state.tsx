import type { ReactNode } from "react";

/** An empty list says so and says what to do next (`action`: a link or a button). */
export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{message}</p>
      {action}
    </div>
  );
}
