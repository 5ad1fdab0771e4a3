/** Consume tab: scoring URI, keys (copy, regenerate) and client samples embedding them. */
import { useState } from "react";
import { useEndpointKeys, useRegenerateKey, type Endpoint } from "../api/endpointHooks";
import { errorMessage, QueryState } from "../layout/QueryState";
import { SAMPLES } from "./samples";
import { requestBody } from "./testForm";

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" aria-label={label} onClick={copy}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function exampleBody(endpoint: Endpoint): string {
  if (endpoint.input_example) return JSON.stringify(endpoint.input_example, null, 2);
  const row = Object.fromEntries((endpoint.signature?.inputs?.input1 ?? []).map((c) => [c.name, null]));
  return JSON.stringify(requestBody("input1", [row]), null, 2);
}

function KeyRow({ label, value, onRegenerate, busy }: { label: string; value: string; onRegenerate: () => void; busy: boolean }) {
  return (
    <div className="key-row">
      <span className="key-label">{label} key</span>
      <input readOnly aria-label={`${label} key`} value={value} className="code-input" />
      <CopyButton text={value} label={`Copy ${label.toLowerCase()} key`} />
      <button type="button" onClick={onRegenerate} disabled={busy} aria-label={`Regenerate ${label.toLowerCase()} key`}>
        Regenerate
      </button>
    </div>
  );
}

export function ConsumeTab({ endpoint }: { endpoint: Endpoint }) {
  const keys = useEndpointKeys(endpoint.name);
  const regenerate = useRegenerateKey(endpoint.name);
  const [sample, setSample] = useState(0);
  const onRegenerate = (keyType: "primary" | "secondary") => {
    if (window.confirm(`Regenerate the ${keyType} key? Clients using it will be refused until they use the new one.`)) {
      regenerate.mutate(keyType);
    }
  };
  const body = exampleBody(endpoint);
  return (
    <div className="endpoint-consume">
      <div className="key-row">
        <span className="key-label">REST endpoint</span>
        <input readOnly aria-label="Scoring URI" value={endpoint.scoring_uri} className="code-input" />
        <CopyButton text={endpoint.scoring_uri} label="Copy scoring URI" />
      </div>
      <QueryState isLoading={keys.isLoading} error={keys.error}>
        {keys.data && (
          <>
            <KeyRow label="Primary" value={keys.data.primary_key} busy={regenerate.isPending} onRegenerate={() => onRegenerate("primary")} />
            <KeyRow label="Secondary" value={keys.data.secondary_key} busy={regenerate.isPending} onRegenerate={() => onRegenerate("secondary")} />
            {regenerate.error != null && <p className="field-error" role="alert">{errorMessage(regenerate.error)}</p>}
            <h3>Samples</h3>
            <div className="tabs" role="tablist" aria-label="Sample language">
              {SAMPLES.map((s, i) => (
                <button key={s.label} type="button" role="tab" aria-selected={i === sample} onClick={() => setSample(i)}>
                  {s.label}
                </button>
              ))}
            </div>
            <SampleCode text={SAMPLES[sample].build({ uri: endpoint.scoring_uri, key: keys.data.primary_key, body })} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function SampleCode({ text }: { text: string }) {
  return (
    <div className="sample-code">
      <CopyButton text={text} label="Copy sample" />
      <pre className="json-view" data-testid="sample-code">{text}</pre>
    </div>
  );
}
