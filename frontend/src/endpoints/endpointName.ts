/** A default endpoint name derived from a pipeline name: lower case, letters, digits and dashes. */
export function suggestEndpointName(pipelineName: string): string {
  const slug = pipelineName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 48) || "endpoint";
}
