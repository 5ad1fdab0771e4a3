import { useState } from "react";
import { useParams } from "react-router-dom";
import { useDatasetInfo } from "../api/datasetHooks";
import { DeleteDatasetButton } from "../datasets/DeleteDatasetButton";
import { PreviewTab } from "../datasets/PreviewTab";
import { ProfileTab } from "../datasets/ProfileTab";
import { Tabs } from "../datasets/Tabs";
import { VersionBar } from "../datasets/VersionBar";
import { QueryState } from "../layout/QueryState";
import "../datasets/datasets.css";

const TABS = ["Preview", "Profile"] as const;
type Tab = (typeof TABS)[number];

export function DatasetDetailPage() {
  const { name = "" } = useParams();
  const { data, isLoading, error } = useDatasetInfo(name);
  const [chosen, setChosen] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>("Preview");
  const versions = data?.versions ?? [];
  const selected = versions.find((v) => v.version === chosen) ?? versions[0];
  return (
    <div className="page">
      <div className="page-header">
        <h1>Dataset {name}</h1>
        {data && <DeleteDatasetButton name={name} />}
      </div>
      <QueryState isLoading={isLoading} error={error}>
        {data?.description && <p>{data.description}</p>}
        {selected && (
          <>
            <VersionBar versions={versions} selected={selected} onSelect={setChosen} />
            <Tabs tabs={[...TABS]} selected={tab} onSelect={setTab} />
            <div role="tabpanel" aria-label={tab}>
              {tab === "Preview" ? (
                <PreviewTab name={name} version={selected.version} />
              ) : (
                <ProfileTab name={name} version={selected.version} />
              )}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
