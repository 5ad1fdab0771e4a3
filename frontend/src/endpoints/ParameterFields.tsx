/** One text field per pipeline parameter, pre-filled with its default; read back typed like
 * the default (number, boolean, JSON or text). */
import { parameterText, parseParameter } from "../runs/runRequest";

export function parameterTexts(defaults: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, parameterText(v)]));
}

/** The typed assignments; throws naming the parameter whose text does not fit. */
export function parameterAssignments(texts: Record<string, string>, defaults: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    try {
      values[name] = parseParameter(text, defaults[name]);
    } catch (err) {
      throw new Error(`Parameter "${name}": ${(err as Error).message}`);
    }
  }
  return values;
}

export function ParameterFields({ texts, onChange }: { texts: Record<string, string>; onChange: (t: Record<string, string>) => void }) {
  const names = Object.keys(texts);
  if (names.length === 0) return <p className="muted">The pipeline has no parameters.</p>;
  return (
    <>
      {names.map((name) => (
        <label className="field" key={name}>
          <span>{name}</span>
          <input aria-label={`Parameter ${name}`} value={texts[name]} onChange={(e) => onChange({ ...texts, [name]: e.target.value })} />
        </label>
      ))}
    </>
  );
}
