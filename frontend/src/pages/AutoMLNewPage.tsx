/** New AutoML job: the wizard on its own page. */
import { AutoMLWizard } from "../automl/AutoMLWizard";

export function AutoMLNewPage() {
  return (
    <div className="page">
      <h1>New AutoML job</h1>
      <AutoMLWizard />
    </div>
  );
}
