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
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from "react";
import type { ComponentSpec, PipelineDocument } from "../api/types";
import { nodeTypes } from "./ComponentNodeView";
import { isConnectionValid } from "./connections";
import { documentToFlow, flowToDocument, type PipelineMeta } from "./document";
import { NodeInspector } from "./NodeInspector";
import { decorateNodes } from "./nodeDecorations";
import { Palette } from "./Palette";
import { PipelineSettings } from "./PipelineSettings";
import { COMPONENT_DRAG_MIME, FIT_VIEW, PARAMS_DRAG_MIME } from "./types";
import { useFlowEditor } from "./useFlowEditor";
import { useKnownColumns } from "./useKnownColumns";
import { useUndoShortcuts } from "./useUndoShortcuts";
import { useDesignerRun } from "./useDesignerRun";
import { useDatasets } from "../api/hooks";
import { RunStatusBar } from "../runs/RunStatusBar";
import { StepActionsLayer } from "../runs/StepActionsLayer";
import { SubmitRunDialog } from "../runs/SubmitRunDialog";
import { useStepActions } from "../runs/useStepActions";
import { DeploymentActions } from "./DeploymentActions";
import { derivationIssues } from "../inference/derivationIssues";

export interface DesignerCanvasProps {
  manifest: ComponentSpec[];
  document: PipelineDocument;
  /** Save the document; a promise of false (or a rejection) means it was not saved. */
  onSave: (doc: PipelineDocument) => void | Promise<boolean>;
  saving?: boolean;
  saveError?: string | null;
  saveMessage?: string | null;
  /** Id of the saved pipeline; enables Submit (save, then run). */
  pipelineId?: string;
  /** Save the canvas as it stands as a new pipeline (the page asks for the name). */
  onClone?: (doc: PipelineDocument) => void;
  /** Told whether the canvas holds changes not saved yet. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Shown between the toolbar and the canvas (e.g. what a derivation changed). */
  banner?: ReactNode;
}

/** Parameter values carried by a palette drag (none when absent or unreadable). */
function presetParams(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function DesignerCanvasInner({
  manifest,
  document,
  onSave,
  saving,
  saveError,
  saveMessage,
  pipelineId,
  onClone,
  onDirtyChange,
  banner,
}: DesignerCanvasProps) {
  const initial = useMemo(() => documentToFlow(document, manifest), [document, manifest]);
  const editor = useFlowEditor({ nodes: initial.nodes, edges: initial.edges });
  const [meta, setMeta] = useState<PipelineMeta>(initial.meta);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const { nodes, edges } = editor;
  const datasets = useDatasets();

  useUndoShortcuts(editor.undo, editor.redo);

  const specs = useMemo(() => new Map(manifest.map((c) => [c.id, c])), [manifest]);
  /** The document as the canvas stands, built once per change. */
  const edited = useMemo(() => flowToDocument(nodes, edges, meta), [nodes, edges, meta]);
  const currentDocument = useCallback(() => edited, [edited]);
  const [savedText, setSavedText] = useState(() => JSON.stringify(flowToDocument(initial.nodes, initial.edges, initial.meta)));
  const dirty = useMemo(() => JSON.stringify(edited) !== savedText, [edited, savedText]);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const save = () => {
    const doc = edited;
    void Promise.resolve(onSave(doc)).then(
      (saved) => saved !== false && setSavedText(JSON.stringify(doc)),
      () => undefined,
    );
  };
  /** Saves pending changes before an action that works on the saved pipeline. */
  const ensureSaved = useCallback(async () => {
    if (!dirty) return true;
    const doc = edited;
    try {
      if ((await Promise.resolve(onSave(doc))) === false) return false;
    } catch {
      return false;
    }
    setSavedText(JSON.stringify(doc));
    return true;
  }, [dirty, edited, onSave]);
  const designerRun = useDesignerRun(pipelineId, currentDocument);
  const stepActions = useStepActions(designerRun.run?.run_id, designerRun.regenerate);
  const [submitOpen, setSubmitOpen] = useState(false);
  const displayNodes = useMemo(
    () => decorateNodes(nodes, edges, designerRun.steps, designerRun.problems),
    [nodes, edges, designerRun.steps, designerRun.problems],
  );
  const selected = nodes.find((n) => n.selected);
  const knownColumns = useKnownColumns(selected?.id, nodes, edges, selected ? edited : undefined);

  const isValidConnection = useCallback(
    (c: Edge | Connection) => isConnectionValid(c, nodes, edges),
    [nodes, edges],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const spec = specs.get(event.dataTransfer.getData(COMPONENT_DRAG_MIME));
      if (!spec) return;
      const preset = presetParams(event.dataTransfer.getData(PARAMS_DRAG_MIME));
      const idHint = typeof preset.name === "string" ? preset.name : undefined;
      editor.addComponent(spec, screenToFlowPosition({ x: event.clientX, y: event.clientY }), preset, idHint);
    },
    [specs, editor, screenToFlowPosition],
  );

  const onAutoLayout = useCallback(() => {
    editor.autoLayout();
    window.requestAnimationFrame(() => void fitView(FIT_VIEW));
  }, [editor, fitView]);

  return (
    <div className="designer">
      <div className="designer-toolbar">
        <input
          aria-label="Pipeline name"
          className="pipeline-name"
          value={meta.name}
          readOnly
          title="To save under another name, clone the pipeline."
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
        <button type="button" onClick={() => void fitView(FIT_VIEW)}>
          Fit
        </button>
        <button type="button" className="primary" disabled={saving} onClick={save}>
          {saving ? "Saving…" : "Save"}
        </button>
        {onClone && (
          <button type="button" onClick={() => onClone(edited)} title="Save a copy under a new name">
            Clone
          </button>
        )}
        {pipelineId && (
          <button type="button" data-testid="submit-run" onClick={() => setSubmitOpen(true)}>
            Submit
          </button>
        )}
        {pipelineId && (
          <DeploymentActions
            pipelineId={pipelineId}
            document={edited}
            run={designerRun.run}
            ensureSaved={ensureSaved}
            onDerivationProblems={(problems) => designerRun.setProblems(derivationIssues(problems))}
          />
        )}
        {saveError && <span className="save-error" role="alert">{saveError}</span>}
        {!saveError && dirty && (
          <span className="muted" data-testid="unsaved">
            Unsaved changes
          </span>
        )}
        {!saveError && !dirty && saveMessage && <span className="save-ok">{saveMessage}</span>}
      </div>
      {banner}
      {designerRun.run && <RunStatusBar run={designerRun.run} streamError={designerRun.streamError} />}
      {designerRun.regenerateError && <p className="field-error" role="alert">{designerRun.regenerateError}</p>}
      <div className="designer-body">
        <Palette manifest={manifest} datasets={datasets.data} />
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
            onNodeContextMenu={(event, node) =>
              stepActions.openMenu(event, node.id, designerRun.steps.get(node.id), node.data.spec?.outputs.map((o) => o.name))
            }
            deleteKeyCode={["Delete", "Backspace"]}
            fitView
            fitViewOptions={FIT_VIEW}
          >
            <Background />
            <Controls />
          </ReactFlow>
        </div>
        {selected ? (
          <NodeInspector
            node={selected}
            onParamChange={editor.setParam}
            knownColumns={knownColumns}
            pipelineParameters={Object.keys(meta.parameters)}
          />
        ) : (
          <PipelineSettings meta={meta} onChange={setMeta} />
        )}
      </div>
      <StepActionsLayer actions={stepActions} />
      {submitOpen && pipelineId && (
        <SubmitRunDialog
          pipelineId={pipelineId}
          document={edited}
          onSubmitted={(run) => {
            setSavedText(JSON.stringify(edited)); // submitting saved it first
            designerRun.onSubmitted(run);
            setSubmitOpen(false);
          }}
          onProblems={designerRun.setProblems}
          onClose={() => setSubmitOpen(false)}
        />
      )}
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
