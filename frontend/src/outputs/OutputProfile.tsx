/** The profile of a table output: a card per column, as on the dataset page. */
import { useStepOutputProfile } from "../api/runHooks";
import { ColumnProfileCard } from "../datasets/ColumnProfileCard";
import { QueryState } from "../layout/QueryState";

export function OutputProfile({ runId, nodeId, port }: { runId: string; nodeId: string; port: string }) {
  const { data, isLoading, error } = useStepOutputProfile(runId, nodeId, port, true);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && (
        <div className="profile-grid" data-testid="output-profile">
          {data.columns.map((column) => (
            <ColumnProfileCard key={column.name} column={column} rowCount={data.row_count} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
