import { Link } from "react-router-dom";
import { useDatasetList } from "../api/datasetHooks";
import { usePipelineList, useRecentRuns } from "../api/pipelineHooks";
import { QueryState } from "../layout/QueryState";
import { NewPipelineButton } from "../pipelines/NewPipelineButton";
import { SamplePipelinesHint } from "../pipelines/SamplePipelinesHint";

const RECENT = 5;

export function HomePage() {
  const pipelines = usePipelineList();
  const runs = useRecentRuns(RECENT);
  const datasets = useDatasetList();
  return (
    <div className="page">
      <h1>Home</h1>
      <div className="home-actions">
        <NewPipelineButton />
        <Link to="/datasets">Upload a dataset</Link>
      </div>
      <SamplePipelinesHint />
      <div className="home-grid">
        <section>
          <h2>Recent pipelines</h2>
          <QueryState isLoading={pipelines.isLoading} error={pipelines.error}>
            {pipelines.data?.length === 0 && <p className="muted">No pipelines yet.</p>}
            <ul>
              {[...(pipelines.data ?? [])]
                .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
                .slice(0, RECENT)
                .map((p) => (
                  <li key={p.id}>
                    <Link to={`/pipelines/${encodeURIComponent(p.id)}`}>{p.name || p.id}</Link>{" "}
                    <span className="muted">
                      v{p.version}, {p.nodes} nodes
                    </span>
                  </li>
                ))}
            </ul>
          </QueryState>
        </section>
        <section>
          <h2>Recent runs</h2>
          <QueryState isLoading={runs.isLoading} error={runs.error}>
            {runs.data?.length === 0 && <p className="muted">No runs yet.</p>}
            <ul>
              {(runs.data ?? []).slice(0, RECENT).map((r) => (
                <li key={r.run_id}>
                  <Link to={`/runs/${encodeURIComponent(r.run_id)}`}>{r.pipeline_name}</Link> — {r.status}
                  {r.seconds !== null && <span className="muted"> ({r.seconds.toFixed(1)} s)</span>}
                </li>
              ))}
            </ul>
          </QueryState>
        </section>
        <section>
          <h2>Datasets</h2>
          <QueryState isLoading={datasets.isLoading} error={datasets.error}>
            {datasets.data?.length === 0 && <p className="muted">No datasets yet.</p>}
            <ul>
              {[...(datasets.data ?? [])]
                .sort((a, b) => b.created_at.localeCompare(a.created_at))
                .slice(0, RECENT)
                .map((d) => (
                  <li key={d.name}>
                    <Link to={`/datasets/${encodeURIComponent(d.name)}`}>{d.name}</Link>{" "}
                    <span className="muted">{d.rows.toLocaleString("en-US")} rows</span>
                  </li>
                ))}
            </ul>
          </QueryState>
        </section>
      </div>
    </div>
  );
}
