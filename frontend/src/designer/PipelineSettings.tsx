/** Side panel when no node is selected: pipeline description and parameters. */
import type { PipelineMeta } from "./document";
import { ParametersEditor } from "./ParametersEditor";

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
      <h4>Parameters</h4>
      <ParametersEditor parameters={meta.parameters} onChange={(parameters) => onChange({ ...meta, parameters })} />
      <p className="muted">Select a node to edit its parameters; its $ button makes it take a pipeline parameter.</p>
    </aside>
  );
}
