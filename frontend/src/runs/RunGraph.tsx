/** A run's pipeline graph, read-only, nodes coloured by their step status. */
import { Background, Controls, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { RunStep } from "../api/runHooks";
import type { ComponentSpec, PipelineDocument } from "../api/types";
import { nodeTypes } from "../designer/ComponentNodeView";
import { documentToFlow } from "../designer/document";
import { decorateNodes } from "../designer/nodeDecorations";
import { FIT_VIEW } from "../designer/types";
import type { StepActions } from "./useStepActions";

export interface RunGraphProps {
  document: PipelineDocument;
  manifest: ComponentSpec[];
  steps: Map<string, RunStep>;
  selectedNode: string | null;
  onSelectNode: (nodeId: string | null) => void;
  actions: StepActions;
  /** Messages to show on nodes (e.g. why a step cannot be carried into inference). */
  problems?: Map<string, string[]>;
}

export function RunGraph({ document, manifest, steps, selectedNode, onSelectNode, actions, problems }: RunGraphProps) {
  const flow = useMemo(() => documentToFlow(document, manifest), [document, manifest]);
  const nodes = useMemo(
    () => decorateNodes(flow.nodes, flow.edges, steps, problems).map((n) => ({ ...n, selected: n.id === selectedNode })),
    [flow, steps, selectedNode, problems],
  );
  return (
    <ReactFlowProvider>
      <div className="run-graph" data-testid="run-graph">
        <ReactFlow
          nodes={nodes}
          edges={flow.edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          onNodeClick={(_, node) => onSelectNode(node.id)}
          onPaneClick={() => onSelectNode(null)}
          onNodeContextMenu={(event, node) =>
            actions.openMenu(event, node.id, steps.get(node.id), node.data.spec?.outputs.map((o) => o.name))
          }
          fitView
          fitViewOptions={FIT_VIEW}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
