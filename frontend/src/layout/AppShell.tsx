/** Application frame: left navigation and the routed page. */
import { NavLink, Outlet } from "react-router-dom";

const NAV_ITEMS = [
  { to: "/", label: "Home", end: true },
  { to: "/datasets", label: "Datasets", end: false },
  { to: "/pipelines", label: "Designer", end: false },
  { to: "/runs", label: "Runs", end: false },
  { to: "/endpoints", label: "Endpoints", end: false },
];

export function AppShell() {
  return (
    <div className="app-shell">
      <nav className="app-nav">
        <div className="app-brand">kumi</div>
        {NAV_ITEMS.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} className={({ isActive }) => (isActive ? "active" : "")}>
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
