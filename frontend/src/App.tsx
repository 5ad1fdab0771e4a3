import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { AppShell } from "./layout/AppShell";
import { DatasetDetailPage } from "./pages/DatasetDetailPage";
import { DatasetsPage } from "./pages/DatasetsPage";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PipelinesPage } from "./pages/PipelinesPage";
import { RunsPage } from "./pages/RunsPage";

export const routes = [
  {
    path: "/",
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "datasets", element: <DatasetsPage /> },
      { path: "datasets/:name", element: <DatasetDetailPage /> },
      { path: "pipelines", element: <PipelinesPage /> },
      // the graph pages (and the canvas library) load when first opened
      { path: "pipelines/:id", lazy: async () => ({ Component: (await import("./pages/DesignerPage")).DesignerPage }) },
      { path: "runs", element: <RunsPage /> },
      { path: "runs/:id", lazy: async () => ({ Component: (await import("./pages/RunDetailPage")).RunDetailPage }) },
      { path: "endpoints", lazy: async () => ({ Component: (await import("./pages/EndpointsPage")).EndpointsPage }) },
      { path: "endpoints/:name", lazy: async () => ({ Component: (await import("./pages/EndpointPage")).EndpointPage }) },
      {
        path: "pipeline-endpoints/:name",
        lazy: async () => ({ Component: (await import("./pages/PipelineEndpointPage")).PipelineEndpointPage }),
      },
      { path: "automl", lazy: async () => ({ Component: (await import("./pages/AutoMLJobsPage")).AutoMLJobsPage }) },
      { path: "automl/new", lazy: async () => ({ Component: (await import("./pages/AutoMLNewPage")).AutoMLNewPage }) },
      { path: "automl/jobs/:id", lazy: async () => ({ Component: (await import("./pages/AutoMLJobPage")).AutoMLJobPage }) },
      { path: "scoring", lazy: async () => ({ Component: (await import("./scoring/ScoringPage")).ScoringPage }) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
