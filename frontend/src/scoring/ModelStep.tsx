/** Step 3: a registered model (and version), with its signature. */
import type { ScoringModel } from "../api/scoringHooks";
import { useScoringModels, useStoreModel } from "../api/scoringHooks";
import { QueryState } from "../layout/QueryState";
import { StepError } from "../datasets/StepError";

/** ``name:version`` of a choice. */
export const modelRef = (name: string, version: number) => `${name}:${version}`;

function Signature({ model }: { model: ScoringModel }) {
  return (
    <dl className="scoring-signature" aria-label={`Signature of ${model.name}`}>
      <dt>Inputs</dt>
      <dd>{model.inputs.map((i) => `${i.column} (${i.kind})`).join(", ")}</dd>
      <dt>Outputs</dt>
      <dd>{model.outputs.map((o) => `${o.column} (${o.type})`).join(", ")}</dd>
    </dl>
  );
}

/** Copy the chosen model into the database, so that SQL there scores without the workspace. */
function StoreInDatabase({ database, model }: { database: string; model: string }) {
  const store = useStoreModel();
  return (
    <div className="scoring-store">
      <button type="button" disabled={!model || store.isPending} onClick={() => store.mutate({ database, model })}>
        {store.isPending ? "Copying…" : "Copy into the database"}
      </button>
      {store.data && (
        <span className="muted" role="status" data-testid="stored-model">
          {store.data.name}:{store.data.version} is in {store.data.table}; PREDICT there finds it.
        </span>
      )}
      <StepError error={store.error} />
    </div>
  );
}

interface Props {
  database: string;
  chosen: string;
  onChoose: (ref: string) => void;
}

export function ModelStep({ database, chosen, onChoose }: Props) {
  const models = useScoringModels();
  const chosenName = chosen.split(":")[0];
  return (
    <QueryState isLoading={models.isLoading} error={models.error}>
      {models.data?.length === 0 && (
        <p className="muted">No registered model has an ONNX form yet; register one with AutoML first.</p>
      )}
      <div role="radiogroup" aria-label="Models" className="scoring-step scoring-models">
        {models.data?.map((m) => (
          <div key={m.name} className="scoring-model">
            <label>
              <input
                type="radio"
                name="model"
                checked={m.name === chosenName}
                onChange={() => onChoose(modelRef(m.name, m.version))}
              />
              {m.name}
            </label>
            {m.name === chosenName && (
              <label className="field scoring-version">
                Version
                <select value={chosen.split(":")[1]} onChange={(e) => onChoose(modelRef(m.name, Number(e.target.value)))}>
                  {m.versions.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Signature model={m} />
          </div>
        ))}
      </div>
      {chosen && <StoreInDatabase key={chosen} database={database} model={chosen} />}
    </QueryState>
  );
}
