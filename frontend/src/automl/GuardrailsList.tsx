/** Data guardrails: each check with a passed / done / alerted badge, its description and details. */
import type { Guardrail } from "../api/automlTypes";
import { GuardrailDetails } from "./GuardrailDetails";

const hasDetails = (details: unknown) =>
  details !== null && details !== undefined && !(Array.isArray(details) && details.length === 0)
  && !(typeof details === "object" && Object.keys(details as object).length === 0);

export function GuardrailsList({ guardrails }: { guardrails: Guardrail[] }) {
  if (guardrails.length === 0) return <p className="muted">No guardrails were reported.</p>;
  return (
    <table className="data-table" aria-label="Guardrails">
      <thead>
        <tr>
          <th>Check</th>
          <th>Status</th>
          <th>Description</th>
        </tr>
      </thead>
      <tbody>
        {guardrails.map((g) => (
          <tr key={g.name} data-testid={`guardrail-${g.name}`}>
            <td>{g.name}</td>
            <td>
              <span className={`guardrail-badge guardrail-${g.status}`} data-status={g.status}>
                {g.status}
              </span>
            </td>
            <td>
              {g.description}
              {hasDetails(g.details) && (
                <details>
                  <summary>Details</summary>
                  <GuardrailDetails details={g.details} name={g.name} />
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
