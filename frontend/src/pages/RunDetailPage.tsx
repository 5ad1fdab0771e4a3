import { useParams } from "react-router-dom";

export function RunDetailPage() {
  const { id } = useParams();
  return (
    <div className="page">
      <h1>Run {id}</h1>
      <p className="muted">Run details are not available yet.</p>
    </div>
  );
}
