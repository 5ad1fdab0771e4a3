/** How far a job is: elapsed time over the time budget, the phase, trials done and the best so far. */
import type { AutoMLJob } from "../api/automlTypes";
import { formatSeconds } from "../runs/statusStyle";
import { formatMetric } from "./leaderboard";

export function budgetOf(job: AutoMLJob): number | null {
  const budget = Number(job.settings?.time_budget_s);
  return budget > 0 ? budget : null;
}

export function JobProgress({ job }: { job: AutoMLJob }) {
  const progress = job.progress ?? {};
  const budget = budgetOf(job);
  const elapsed = progress.elapsed_s ?? 0;
  const finished = job.status === "completed";
  const shown = budget === null ? null : finished ? budget : Math.min(elapsed, budget);
  return (
    <div className="job-progress" data-testid="job-progress">
      {budget !== null && shown !== null && (
        <progress aria-label="Time budget used" value={shown} max={budget} />
      )}
      <span>
        {formatSeconds(elapsed) || "0 ms"}
        {budget !== null ? ` of ${formatSeconds(budget)}` : ""}
      </span>
      {progress.phase && (
        <span>
          Phase: <strong data-testid="job-phase">{progress.phase}</strong>
        </span>
      )}
      {typeof progress.trials_done === "number" && <span>{progress.trials_done} trials</span>}
      {progress.best_estimator && (
        <span>
          Best so far: {progress.best_estimator} ({formatMetric(progress.best_metric)})
        </span>
      )}
    </div>
  );
}
