import { Link } from "react-router-dom";
import { useDatasets, usePipelines, useRuns } from "../api/hooks";
import { QueryState } from "../layout/QueryState";

const RECENT = 5;

export function HomePage() {
  const pipelines = usePipelines();
  const runs = useRuns();
  const datasets = useDatasets();
  return (
    <div className="page">
      <h1>Home</h1>
      <div className="home-grid">
        <section>
          <h2>Recent pipelines</h2>
          <QueryState isLoading={pipelines.isLoading} error={pipelines.error}>
            <ul>
              {[...(pipelines.data ?? [])]
                .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
                .slice(0, RECENT)
                .map((p) => (
                  <li key={p.id}>
                    <Link to={`/pipelines/${encodeURIComponent(p.id)}`}>{p.name || p.id}</Link>
                  </li>
                ))}
            </ul>
          </QueryState>
        </section>
        <section>
          <h2>Recent runs</h2>
          <QueryState isLoading={runs.isLoading} error={runs.error}>
            <ul>
              {[...(runs.data ?? [])]
                .sort((a, b) => b.created_at.localeCompare(a.created_at))
                .slice(0, RECENT)
                .map((r) => (
                  <li key={r.run_id}>
                    <Link to={`/runs/${encodeURIComponent(r.run_id)}`}>{r.pipeline_name}</Link> — {r.status}
                  </li>
                ))}
            </ul>
          </QueryState>
        </section>
        <section>
          <h2>Datasets</h2>
          <QueryState isLoading={datasets.isLoading} error={datasets.error}>
            <ul>
              {(datasets.data ?? []).slice(0, RECENT).map((d) => (
                <li key={d.name}>
                  <Link to={`/datasets/${encodeURIComponent(d.name)}`}>{d.name}</Link>
                </li>
              ))}
            </ul>
          </QueryState>
        </section>
      </div>
    </div>
  );
}
