/** A run or step status as a coloured badge. */
import "./runs.css";
import { statusClassName, statusLabel } from "./statusStyle";

export function RunStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`status-badge ${statusClassName(status)}`} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
