/** Input widgets of the params form, one per field kind. */
import { useEffect, useState } from "react";
import type { FieldSpec } from "./schema";

export interface WidgetProps {
  id: string;
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  knownColumns?: string[];
}

function numberAttr(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function NumberWidget({ id, field, value, onChange }: WidgetProps) {
  const integer = field.kind === "integer";
  return (
    <input
      id={id}
      type="number"
      min={numberAttr(field.schema.minimum)}
      max={numberAttr(field.schema.maximum)}
      step={integer ? 1 : "any"}
      value={typeof value === "number" ? value : ""}
      placeholder={field.nullable ? "(empty)" : undefined}
      onChange={(e) => {
        const text = e.target.value;
        if (text === "") return onChange(field.nullable ? null : text);
        const parsed = integer ? parseInt(text, 10) : parseFloat(text);
        onChange(Number.isNaN(parsed) ? text : parsed);
      }}
    />
  );
}

export function BooleanWidget({ id, value, onChange }: WidgetProps) {
  return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
}

export function EnumWidget({ id, field, value, onChange }: WidgetProps) {
  const options = field.enumValues.map(String);
  const current = value === null || value === undefined ? "" : String(value);
  return (
    <select
      id={id}
      value={current}
      onChange={(e) => {
        const picked = field.enumValues.find((v) => String(v) === e.target.value);
        onChange(e.target.value === "" ? null : (picked ?? e.target.value));
      }}
    >
      {(field.nullable || !options.includes(current)) && <option value="">{current || "(none)"}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

export function TextWidget({ id, field, value, onChange }: WidgetProps) {
  return (
    <input
      id={id}
      type="text"
      value={value === null || value === undefined ? "" : String(value)}
      placeholder={field.nullable ? "(empty)" : undefined}
      onChange={(e) => onChange(e.target.value === "" && field.nullable ? null : e.target.value)}
    />
  );
}

/** A text input offering ``suggestions`` (the browser's list under the field). */
function SuggestingInput({ id, value, placeholder, suggestions, onText }: {
  id: string;
  value: unknown;
  placeholder: string;
  suggestions: string[];
  onText: (text: string) => void;
}) {
  const listId = `${id}-suggestions`;
  return (
    <>
      <input
        id={id}
        type="text"
        list={suggestions.length ? listId : undefined}
        value={typeof value === "string" ? value : ""}
        placeholder={placeholder}
        onChange={(e) => onText(e.target.value)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** A ``${parameters.name}`` reference, offering the pipeline's parameters. */
export function ParameterRefWidget({ id, value, onChange, refs }: WidgetProps & { refs: string[] }) {
  return <SuggestingInput id={id} value={value} placeholder="${parameters.name}" suggestions={refs} onText={onChange} />;
}

export function TextAreaWidget({ id, field, value, onChange }: WidgetProps) {
  const code = field.kind === "code";
  return (
    <textarea
      id={id}
      className={code ? "code-input" : undefined}
      data-language={field.language}
      rows={code ? 10 : 5}
      spellCheck={!code}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function ColumnWidget({ id, field, value, onChange, knownColumns = [] }: WidgetProps) {
  return (
    <SuggestingInput
      id={id}
      value={value}
      placeholder={field.nullable ? "(none)" : "column name"}
      suggestions={knownColumns}
      onText={(text) => onChange(text === "" && field.nullable ? null : text)}
    />
  );
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Edits a comma-separated list, keeping the raw text while typing. */
function ListTextInput({ id, items, onItems }: { id: string; items: string[]; onItems: (items: string[]) => void }) {
  const joined = items.join(", ");
  const [text, setText] = useState(joined);
  useEffect(() => {
    if (splitList(text).join(", ") !== joined) setText(joined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joined]);
  return (
    <input
      id={id}
      type="text"
      value={text}
      placeholder="a, b, c"
      onChange={(e) => {
        setText(e.target.value);
        onItems(splitList(e.target.value));
      }}
    />
  );
}

export function ColumnsWidget({ id, value, onChange, knownColumns = [] }: WidgetProps) {
  const names = Array.isArray(value) ? value.map(String) : [];
  if (knownColumns.length === 0) return <ListTextInput id={id} items={names} onItems={onChange} />;
  const options = [...knownColumns, ...names.filter((n) => !knownColumns.includes(n))];
  return (
    <select
      id={id}
      multiple
      size={Math.min(8, options.length)}
      value={names}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
    >
      {options.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

export function NumberListWidget({ id, field, value, onChange }: WidgetProps) {
  const items = Array.isArray(value) ? value.map(String) : [];
  const integer = (field.schema.items as { type?: string } | undefined)?.type === "integer";
  return (
    <ListTextInput
      id={id}
      items={items}
      onItems={(parts) =>
        onChange(
          parts.map((p) => {
            const n = integer ? parseInt(p, 10) : parseFloat(p);
            return Number.isNaN(n) ? p : n;
          }),
        )
      }
    />
  );
}

export function StringListWidget({ id, value, onChange }: WidgetProps) {
  const items = Array.isArray(value) ? value.map(String) : [];
  return <ListTextInput id={id} items={items} onItems={onChange} />;
}

/** Any JSON value as text; applied when it parses. */
export function JsonWidget({ id, value, onChange }: WidgetProps) {
  const serialized = JSON.stringify(value ?? null, null, 2);
  const [text, setText] = useState(serialized);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current), null, 2) === serialized ? current : serialized;
      } catch {
        return current;
      }
    });
  }, [serialized]);
  return (
    <>
      <textarea
        id={id}
        className="code-input"
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setError(null);
          } catch {
            setError("Invalid JSON");
          }
        }}
      />
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

/** A `ColumnSelection` object: its `names` list edited directly, the other keys as JSON. */
export function ColumnSelectionWidget({ id, value, onChange, knownColumns, field }: WidgetProps) {
  const selection = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const { names, ...rest } = selection;
  return (
    <div className="column-selection">
      <ColumnsWidget
        id={id}
        field={field}
        value={names ?? []}
        knownColumns={knownColumns}
        onChange={(next) => onChange({ ...selection, names: next })}
      />
      <label className="sub-label" htmlFor={`${id}-rest`}>
        Other selection settings (JSON)
      </label>
      <JsonWidget
        id={`${id}-rest`}
        field={field}
        value={rest}
        onChange={(next) => {
          if (typeof next === "object" && next !== null && !Array.isArray(next)) {
            onChange({ ...(next as Record<string, unknown>), names: names ?? [] });
          }
        }}
      />
    </div>
  );
}
