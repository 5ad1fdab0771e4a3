/** The designer: palette, canvas, side panel and toolbar for one pipeline. */
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState, type DragEvent } from "react";
import type { ComponentSpec, PipelineDocument } from "../api/types";
import { nodeTypes } from "./ComponentNodeView";
import { isConnectionValid } from "./connections";
import { documentToFlow, flowToDocument, type PipelineMeta } from "./document";
import { NodeInspector } from "./NodeInspector";
import { nodeIssues } from "./nodeIssues";
import { Palette } from "./Palette";
import { PipelineSettings } from "./PipelineSettings";
import { COMPONENT_DRAG_MIME } from "./types";
import { useFlowEditor } from "./useFlowEditor";
import { useKnownColumns } from "./useKnownColumns";
import { useUndoShortcuts } from "./useUndoShortcuts";

export interface DesignerCanvasProps {
  manifest: ComponentSpec[];
  document: PipelineDocument;
  onSave: (doc: PipelineDocument) => void;
  saving?: boolean;
  saveError?: string | null;
  saveMessage?: string | null;
}

function DesignerCanvasInner({ manifest, document, onSave, saving, saveError, saveMessage }: DesignerCanvasProps) {
  const initial = useMemo(() => documentToFlow(document, manifest), [document, manifest]);
  const editor = useFlowEditor({ nodes: initial.nodes, edges: initial.edges });
  const [meta, setMeta] = useState<PipelineMeta>(initial.meta);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const { nodes, edges } = editor;

  useUndoShortcuts(editor.undo, editor.redo);

  const specs = useMemo(() => new Map(manifest.map((c) => [c.id, c])), [manifest]);
  const displayNodes = useMemo(
    () => nodes.map((n) => ({ ...n, data: { ...n.data, issues: nodeIssues(n, edges) } })),
    [nodes, edges],
  );
  const selected = nodes.find((n) => n.selected);
  const knownColumns = useKnownColumns(selected?.id, nodes, edges);

  const isValidConnection = useCallback(
    (c: Edge | Connection) => isConnectionValid(c, nodes, edges),
    [nodes, edges],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const spec = specs.get(event.dataTransfer.getData(COMPONENT_DRAG_MIME));
      if (!spec) return;
      editor.addComponent(spec, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [specs, editor, screenToFlowPosition],
  );

  const onAutoLayout = useCallback(() => {
    editor.autoLayout();
    window.requestAnimationFrame(() => void fitView({ padding: 0.2 }));
  }, [editor, fitView]);

  return (
    <div className="designer">
      <div className="designer-toolbar">
        <input
          aria-label="Pipeline name"
          className="pipeline-name"
          value={meta.name}
          onChange={(e) => setMeta({ ...meta, name: e.target.value })}
        />
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" onClick={onAutoLayout}>
          Auto layout
        </button>
        <button type="button" onClick={() => void fitView({ padding: 0.2 })}>
          Fit
        </button>
        <button type="button" className="primary" disabled={saving} onClick={() => onSave(flowToDocument(nodes, edges, meta))}>
          {saving ? "Saving…" : "Save"}
        </button>
        {saveError && <span className="save-error" role="alert">{saveError}</span>}
        {!saveError && saveMessage && <span className="save-ok">{saveMessage}</span>}
      </div>
      <div className="designer-body">
        <Palette manifest={manifest} />
        <div className="designer-canvas" data-testid="designer-canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <ReactFlow
            nodes={displayNodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={editor.onNodesChange}
            onEdgesChange={editor.onEdgesChange}
            onConnect={editor.onConnect}
            onNodeDragStart={editor.checkpoint}
            onBeforeDelete={async () => {
              editor.checkpoint();
              return true;
            }}
            isValidConnection={isValidConnection}
            deleteKeyCode={["Delete", "Backspace"]}
            fitView
            fitViewOptions={{ padding: 0.2 }}
          >
            <Background />
            <Controls />
          </ReactFlow>
        </div>
        {selected ? (
          <NodeInspector node={selected} onParamChange={editor.setParam} knownColumns={knownColumns} />
        ) : (
          <PipelineSettings meta={meta} onChange={setMeta} />
        )}
      </div>
    </div>
  );
}

export function DesignerCanvas(props: DesignerCanvasProps) {
  return (
    <ReactFlowProvider>
      <DesignerCanvasInner {...props} />
    </ReactFlowProvider>
  );
}
