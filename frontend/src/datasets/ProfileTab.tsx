/** The profile of a dataset version: a card per column. */
import { useDatasetProfile } from "../api/datasetHooks";
import { QueryState } from "../layout/QueryState";
import { ColumnProfileCard } from "./ColumnProfileCard";

export function ProfileTab({ name, version }: { name: string; version: number }) {
  const { data, isLoading, error } = useDatasetProfile(name, version);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && (
        <div className="profile-grid">
          {data.columns.map((column) => (
            <ColumnProfileCard key={column.name} column={column} rowCount={data.row_count} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
