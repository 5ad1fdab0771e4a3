/** Where to find ready-made pipelines to start from. */

export function SamplePipelinesHint() {
  return (
    <p className="muted sample-hint">
      New to kumi? Sample pipelines live in <code>src/kumi/samples/pipelines/</code> of the kumi repository
      (<code>breast-cancer.yaml</code>, <code>diabetes-regression.yaml</code>). Import one with{" "}
      <code>
        curl -X POST {window.location.origin}/api/pipelines/import -H &apos;content-type: application/yaml&apos; --data-binary
        @src/kumi/samples/pipelines/breast-cancer.yaml
      </code>{" "}
      or run it with <code>kumi run src/kumi/samples/pipelines/breast-cancer.yaml</code>.
    </p>
  );
}
