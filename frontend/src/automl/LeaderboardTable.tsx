/** The trials of a job, best first: rank, model family, metric, times, hyperparameters, status. */
import type { LeaderboardRow } from "../api/automlTypes";
import { formatSeconds } from "../runs/statusStyle";
import { ENSEMBLE_TRIAL, formatMetric, paramsText, rankedRows, trialError } from "./leaderboard";

export function LeaderboardTable({ rows, metric }: { rows: LeaderboardRow[]; metric: string | null }) {
  if (rows.length === 0) return <p className="muted">No trial has finished yet.</p>;
  return (
    <table className="data-table" aria-label="Leaderboard" data-testid="leaderboard">
      <thead>
        <tr>
          <th>Rank</th>
          <th>Trial</th>
          <th>Model</th>
          <th>{metric ?? "Metric"}</th>
          <th>Fit</th>
          <th>Predict</th>
          <th>Status</th>
          <th>Hyperparameters</th>
        </tr>
      </thead>
      <tbody>
        {rankedRows(rows, metric).map((row) => (
          <tr
            key={row.trial}
            data-testid={`trial-${row.trial}`}
            className={row.rank === 1 ? "leaderboard-best" : undefined}
            title={trialError(row.error) || undefined}
          >
            <td>{row.rank ?? "–"}</td>
            <td>{row.trial === ENSEMBLE_TRIAL ? "ensemble" : row.trial}</td>
            <td>{row.family}</td>
            <td>{formatMetric(row.metric)}</td>
            <td>{formatSeconds(row.fit_s)}</td>
            <td>{formatSeconds(row.predict_s)}</td>
            <td>{row.status}</td>
            <td className="muted">{paramsText(row.params)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
