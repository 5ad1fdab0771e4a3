/** The one generic node: renders any component from its manifest entry. */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import "../runs/runs.css";
import { formatSeconds, stepLook } from "../runs/statusStyle";
import type { ComponentNode } from "./types";
import { errorText } from "../api/runHooks";

function handleOffset(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/** A node's input (top) or output (bottom) ports, each titled with its type. */
function PortHandles({ ports, type }: { ports: { name: string; type: string; optional?: boolean }[]; type: "source" | "target" }) {
  return (
    <>
      {ports.map((port, i) => (
        <Handle
          key={port.name}
          id={port.name}
          type={type}
          position={type === "target" ? Position.Top : Position.Bottom}
          style={{ left: handleOffset(i, ports.length) }}
          title={`${port.name}: ${port.type}${port.optional ? " (optional)" : ""}`}
          className={`port port-${port.type}`}
          data-port-type={port.type}
        />
      ))}
    </>
  );
}

/** Where a frozen value (saved_* component) came from, e.g. "run 1a2b3c4d · train.trained_model". */
function frozenSource(componentId: string, params: Record<string, unknown>): string | null {
  return componentId.startsWith("saved_") && typeof params.source === "string" ? params.source : null;
}

function ComponentNodeViewImpl({ id, data, selected }: NodeProps<ComponentNode>) {
  const spec = data.spec;
  const inputs = spec?.inputs ?? [];
  const outputs = spec?.outputs ?? [];
  const issues = data.issues ?? [];
  const step = data.step;
  const look = step ? stepLook(step) : null;
  return (
    <div
      className={`component-node${selected ? " selected" : ""}${issues.length ? " has-issues" : ""}${look ? ` ${look.className}` : ""}`}
      data-testid={`node-${id}`}
      data-status={step?.status ?? "none"}
      title={look?.title}
    >
      <PortHandles ports={inputs} type="target" />
      <div className="component-node-title">{spec?.name ?? data.componentId}</div>
      <div className="component-node-id">{id}</div>
      {frozenSource(data.componentId, data.params) && (
        <div className="component-node-source">{frozenSource(data.componentId, data.params)}</div>
      )}
      {step && look && (
        <div className="component-node-step">
          <span className="step-label">{look.label}</span>
          {step.seconds !== null && step.status !== "queued" && step.status !== "running" && (
            <span className="step-seconds">{formatSeconds(step.seconds)}</span>
          )}
          {step.status === "failed" && step.error && <div className="step-error">{errorText(step.error)}</div>}
        </div>
      )}
      {issues.length > 0 && (
        <ul className="component-node-issues">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <PortHandles ports={outputs} type="source" />
    </div>
  );
}

export const ComponentNodeView = memo(ComponentNodeViewImpl);
export const nodeTypes = { component: ComponentNodeView };
