/** Step 6: the run's progress (polled), then its error or the scored rows and the SQL. */
import { useState } from "react";
import { useScoringJob } from "../api/scoringHooks";
import { RowsTable } from "../datasets/RowsTable";
import { QueryState } from "../layout/QueryState";

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  };
  return (
    <button type="button" onClick={copy}>
      {copied ? "Copied" : "Copy SQL"}
    </button>
  );
}

export function RunStep({ jobId }: { jobId: string }) {
  const job = useScoringJob(jobId);
  const data = job.data;
  const total = data?.rows_total ?? null;
  return (
    <QueryState isLoading={job.isLoading} error={job.error}>
      {data && (
        <div className="scoring-step">
          <p data-testid="scoring-status" data-status={data.status}>
            Status: {data.status} — {data.rows_done.toLocaleString()} of {total === null ? "…" : total.toLocaleString()} rows scored
          </p>
          <progress max={total ?? 1} value={total ? data.rows_done : 0} aria-label="Rows scored" />
          {data.error && (
            <p className="field-error" role="alert">
              {data.error}
            </p>
          )}
          {data.preview && (
            <RowsTable caption={`First rows of ${data.target}`} columns={data.preview.columns} rows={data.preview.rows} />
          )}
          {data.sql && (
            <section aria-label="Generated SQL">
              <h3>SQL to run it by hand</h3>
              <pre className="scoring-sql" data-testid="scoring-sql">
                {data.sql}
              </pre>
              <CopyButton text={data.sql} />
            </section>
          )}
        </div>
      )}
    </QueryState>
  );
}
