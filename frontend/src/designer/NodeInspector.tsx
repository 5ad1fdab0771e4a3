/** Side panel: parameters of the selected node. */
import type { ComponentNode } from "./types";
import { ParamsForm } from "./ParamsForm";

export function NodeInspector({ node, onParamChange, knownColumns, pipelineParameters }: {
  node: ComponentNode | undefined;
  pipelineParameters?: string[];
  onParamChange: (nodeId: string, name: string, value: unknown) => void;
  knownColumns?: string[] | ((field: string) => string[]);
}) {
  if (!node) return <aside className="inspector muted">Select a node to edit its parameters.</aside>;
  const spec = node.data.spec;
  return (
    <aside className="inspector">
      <h3>{spec?.name ?? node.data.componentId}</h3>
      <div className="muted">{node.id}</div>
      {spec?.description && <p className="inspector-description">{spec.description}</p>}
      {spec ? (
        <ParamsForm
          key={node.id}
          idPrefix={`param-${node.id}`}
          schema={spec.params_schema}
          values={node.data.params}
          knownColumns={knownColumns}
          pipelineParameters={pipelineParameters}
          onChange={(name, value) => onParamChange(node.id, name, value)}
        />
      ) : (
        <p className="field-error">Unknown component; parameters cannot be edited.</p>
      )}
    </aside>
  );
}
