/** Application frame: left navigation and the routed page. */
import { NavLink, Outlet, useLocation } from "react-router-dom";

const NAV_ITEMS: { to: string; label: string; end: boolean; also?: string }[] = [
  { to: "/", label: "Home", end: true },
  { to: "/datasets", label: "Datasets", end: false },
  { to: "/pipelines", label: "Designer", end: false },
  { to: "/automl", label: "AutoML", end: false },
  { to: "/scoring", label: "Scoring", end: false },
  { to: "/runs", label: "Runs", end: false },
  { to: "/endpoints", label: "Endpoints", end: false, also: "/pipeline-endpoints" },
];

export function AppShell() {
  const { pathname } = useLocation();
  return (
    <div className="app-shell">
      <nav className="app-nav">
        <div className="app-brand">kumi</div>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.end}
            className={({ isActive }) => (isActive || (item.also && pathname.startsWith(item.also)) ? "active" : "")}
          >
            {item.label}
          </NavLink>
        ))}
      </nav>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
