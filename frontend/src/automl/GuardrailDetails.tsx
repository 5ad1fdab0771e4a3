/** A guardrail's details: a list of records as a table, a record as a list, anything else as text. */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (isRecord(value) || Array.isArray(value) ? JSON.stringify(value) : String(value));

export function GuardrailDetails({ details, name }: { details: unknown; name: string }) {
  if (Array.isArray(details) && details.length > 0 && details.every(isRecord)) {
    const columns = [...new Set(details.flatMap((d) => Object.keys(d)))];
    return (
      <table className="data-table guardrail-details" aria-label={`${name} details`}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {details.map((d, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{d[c] === undefined ? "" : text(d[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (isRecord(details) && Object.keys(details).length > 0) {
    return (
      <dl className="review-list guardrail-details" aria-label={`${name} details`}>
        {Object.entries(details).map(([key, value]) => (
          <div key={key} style={{ display: "contents" }}>
            <dt>{key}</dt>
            <dd>{text(value)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (details === null || details === undefined || (Array.isArray(details) && details.length === 0)) return null;
  return <p className="guardrail-details">{text(details)}</p>;
}
