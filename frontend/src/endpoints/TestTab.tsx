/** Test tab: a form built from the endpoint's signature (or the raw JSON body) sent to the
 * scoring URI with the primary key; shows the scored rows or the error. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { apiGet } from "../api/client";
import { endpointKeys, type Endpoint, type EndpointKeys, type SignatureColumn } from "../api/endpointHooks";
import { errorMessage } from "../layout/QueryState";
import { resultColumns, sendScoringRequest, type ScoringResult } from "./scoring";
import { exampleRow, fieldKind, initialValues, requestBody, rowFromFields, type FieldValue } from "./testForm";

const INPUT = "input1";

function ColumnField({ column, value, onChange }: { column: SignatureColumn; value: FieldValue; onChange: (v: FieldValue) => void }) {
  const kind = fieldKind(column.type);
  const label = `${column.name}${column.required === false ? " (optional)" : ""}`;
  if (kind === "checkbox") {
    return (
      <label className="checkbox-label">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  return (
    <label className="field">
      <span>
        {label} <span className="column-type">{column.type}</span>
      </span>
      <input
        type={kind}
        step={kind === "number" ? "any" : undefined}
        value={String(value)}
        aria-label={column.name}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

function ResultView({ result }: { result: ScoringResult }) {
  if (!result.ok) return <p className="field-error" role="alert" data-testid="test-error">{result.error}</p>;
  const rows = result.rows ?? [];
  const columns = resultColumns(rows);
  return (
    <div className="table-scroll" data-testid="test-result">
      <table className="data-table">
        <thead>
          <tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{typeof row[c] === "object" ? JSON.stringify(row[c]) : String(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TestTab({ endpoint }: { endpoint: Endpoint }) {
  const columns = useMemo(() => endpoint.signature?.inputs?.[INPUT] ?? [], [endpoint]);
  const outputName = Object.keys(endpoint.signature?.outputs ?? {})[0] ?? "output1";
  const [values, setValues] = useState(() => initialValues(columns, exampleRow(endpoint.input_example, INPUT)));
  const [raw, setRaw] = useState<string | null>(null);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: async (body: string) => {
      const keys = await client.fetchQuery({
        queryKey: endpointKeys.keys(endpoint.name),
        queryFn: () => apiGet<EndpointKeys>(`/endpoints/${encodeURIComponent(endpoint.name)}/keys`),
      });
      return sendScoringRequest(endpoint.scoring_uri, keys.primary_key, body, outputName);
    },
  });
  const formBody = () => JSON.stringify(requestBody(INPUT, [rowFromFields(columns, values)]), null, 2);
  const [rawError, setRawError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRawError(null);
    if (raw !== null) {
      try {
        JSON.parse(raw);
      } catch (err) {
        setRawError(`The request body is not valid JSON: ${(err as Error).message}`);
        return;
      }
    }
    send.mutate(raw ?? formBody());
  };

  return (
    <form className="endpoint-test" aria-label="Test endpoint" onSubmit={onSubmit}>
      <label className="checkbox-label">
        <input type="checkbox" checked={raw !== null} onChange={(e) => setRaw(e.target.checked ? formBody() : null)} /> Raw
        JSON
      </label>
      {raw === null ? (
        <div className="test-fields">
          {columns.length === 0 && <p className="muted">The endpoint declares no input columns; use Raw JSON.</p>}
          {columns.map((c) => (
            <ColumnField key={c.name} column={c} value={values[c.name]} onChange={(v) => setValues({ ...values, [c.name]: v })} />
          ))}
        </div>
      ) : (
        <label className="field">
          <span>Request body</span>
          <textarea className="code-input" rows={14} value={raw} onChange={(e) => setRaw(e.target.value)} />
        </label>
      )}
      <div>
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? "Testing…" : "Test"}
        </button>
      </div>
      {rawError && <p className="field-error" role="alert">{rawError}</p>}
      {send.error != null && <p className="field-error" role="alert">{errorMessage(send.error)}</p>}
      {send.data && <ResultView result={send.data} />}
    </form>
  );
}
