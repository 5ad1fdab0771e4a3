/** Side panel when no node is selected: pipeline description and parameters. */
import type { PipelineMeta } from "./document";
import { JsonWidget } from "./ParamWidgets";

export function PipelineSettings({ meta, onChange }: { meta: PipelineMeta; onChange: (meta: PipelineMeta) => void }) {
  return (
    <aside className="inspector">
      <h3>Pipeline</h3>
      <label htmlFor="pipeline-description">Description</label>
      <textarea
        id="pipeline-description"
        rows={3}
        value={meta.description}
        onChange={(e) => onChange({ ...meta, description: e.target.value })}
      />
      <label htmlFor="pipeline-parameters">Parameters (JSON object, used as {"${parameters.name}"})</label>
      <JsonWidget
        id="pipeline-parameters"
        field={{ name: "parameters", title: "Parameters", description: "", kind: "json", schema: {}, nullable: false, enumValues: [] }}
        value={meta.parameters}
        onChange={(value) => {
          if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            onChange({ ...meta, parameters: value as Record<string, unknown> });
          }
        }}
      />
      <p className="muted">Select a node to edit its parameters.</p>
    </aside>
  );
}
