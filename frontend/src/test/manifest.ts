import type { ComponentSpec } from "../api/types";
import manifestJson from "./fixtures/manifest.json";

export const manifest = manifestJson as unknown as ComponentSpec[];

export function spec(id: string): ComponentSpec {
  const found = manifest.find((c) => c.id === id);
  if (!found) throw new Error(`No component ${id} in the fixture manifest`);
  return found;
}
