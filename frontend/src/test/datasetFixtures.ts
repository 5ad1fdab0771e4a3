/** API answers for the dataset pages, in the shapes the server returns. */
import type { DatasetInfo, DatasetProfile, DatasetRowsPreview, InspectResult } from "../api/datasetHooks";
import type { DatasetColumn } from "../api/types";

export const penguinColumns: DatasetColumn[] = [
  { name: "species", type: "string", role: "feature", categorical: true },
  { name: "island", type: "string", role: "feature", categorical: true },
  { name: "bill_length_mm", type: "double", role: "feature", categorical: false },
  { name: "year", type: "integer", role: "feature", categorical: false },
];

export const inspectResult: InspectResult = {
  filename: "Palmer Penguins (2020).csv",
  rows: 344,
  columns: penguinColumns,
  preview: [
    { species: "Adelie", island: "Torgersen", bill_length_mm: 39.1, year: 2007 },
    { species: "Gentoo", island: "Biscoe", bill_length_mm: null, year: 2008 },
  ],
};

const version = (n: number, rows: number) => ({
  version: n,
  rows,
  columns: penguinColumns.map((c) => (c.name === "species" ? { ...c, role: "label" } : c)),
  source: "upload:penguins.csv",
  content_hash: `hash${n}`,
  created_at: `2026-11-2${n}T10:00:00+00:00`,
});

export const penguinsInfo: DatasetInfo = {
  name: "penguins",
  description: "Palmer penguins",
  latest_version: 2,
  versions: [version(2, 344), version(1, 300)],
};

export function previewOf(rows: number): DatasetRowsPreview {
  return {
    columns: penguinsInfo.versions[0].columns,
    total_rows: rows,
    rows: [
      { species: "Adelie", island: "Torgersen", bill_length_mm: 39.1, year: 2007 },
      { species: "Chinstrap", island: "Dream", bill_length_mm: null, year: 2009 },
    ],
  };
}

export const penguinsProfile: DatasetProfile = {
  row_count: 344,
  columns: [
    {
      name: "species",
      type: "string",
      role: "label",
      categorical: true,
      missing: 0,
      distinct: 3,
      top_values: [
        { value: "Adelie", count: 152 },
        { value: "Gentoo", count: 124 },
        { value: "Chinstrap", count: 68 },
      ],
    },
    {
      name: "bill_length_mm",
      type: "double",
      role: "feature",
      categorical: false,
      missing: 2,
      distinct: 164,
      min: 32.1,
      max: 59.6,
      mean: 43.9219298245614,
      std: 5.4595837139265315,
      histogram: { edges: [32.1, 45.85, 59.6], counts: [203, 139] },
    },
    {
      name: "tag",
      type: "string",
      role: "ignore",
      categorical: false,
      missing: 0,
      distinct: 344,
      top_values: [
        { value: "N1A1", count: 1 },
        { value: "N1A2", count: 1 },
      ],
    },
    {
      name: "measured_on",
      type: "datetime",
      role: "feature",
      categorical: false,
      missing: 0,
      distinct: 50,
      min: "2007-11-11T00:00:00",
      max: "2009-12-01T00:00:00",
    },
  ],
};
