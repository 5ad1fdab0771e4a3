/** A row of tab buttons; the caller renders the selected panel. */

export function Tabs<T extends string>({ tabs, selected, onSelect }: { tabs: T[]; selected: T; onSelect: (tab: T) => void }) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map((tab) => (
        <button key={tab} type="button" role="tab" aria-selected={tab === selected} onClick={() => onSelect(tab)}>
          {tab}
        </button>
      ))}
    </div>
  );
}
