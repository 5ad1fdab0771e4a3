/** One AutoML job: header and progress, actions, live leaderboard (polled while the job runs),
 * and, once completed, the best model's metric and charts, guardrails, importance, featurization. */
import { useParams } from "react-router-dom";
import { useAutoMLJob } from "../api/automlHooks";
import type { AutoMLJob } from "../api/automlTypes";
import { BestModelSection } from "../automl/BestModelSection";
import { FeatureImportanceBars } from "../automl/FeatureImportanceBars";
import { FeaturizationTable } from "../automl/FeaturizationTable";
import { GuardrailsList } from "../automl/GuardrailsList";
import { JobActions } from "../automl/JobActions";
import { JobHeader } from "../automl/JobHeader";
import { LeaderboardTable } from "../automl/LeaderboardTable";
import { QueryState } from "../layout/QueryState";
import "../runs/runs.css";
import "../automl/automl.css";

function JobSections({ job }: { job: AutoMLJob }) {
  const result = job.result;
  const leaderboard = result?.leaderboard?.length ? result.leaderboard : job.leaderboard ?? [];
  return (
    <>
      <JobHeader job={job} />
      <JobActions job={job} />
      {result && <BestModelSection result={result} />}
      <section className="job-section" aria-label="Leaderboard">
        <h2>Leaderboard</h2>
        <LeaderboardTable rows={leaderboard} metric={result?.metric ?? job.metric} />
      </section>
      {result && (
        <>
          <section className="job-section" aria-label="Guardrails">
            <h2>Data guardrails</h2>
            <GuardrailsList guardrails={result.guardrails ?? []} />
          </section>
          <section className="job-section" aria-label="Feature importance">
            <h2>Feature importance</h2>
            <FeatureImportanceBars importance={result.feature_importance ?? []} />
          </section>
          <section className="job-section" aria-label="Featurization">
            <h2>Featurization</h2>
            <FeaturizationTable rows={result.featurization ?? []} />
          </section>
        </>
      )}
    </>
  );
}

export function AutoMLJobPage() {
  const { id = "" } = useParams();
  const job = useAutoMLJob(id);
  return (
    <div className="page">
      <QueryState isLoading={job.isLoading} error={job.error}>
        {job.data && <JobSections job={job.data} />}
      </QueryState>
    </div>
  );
}
