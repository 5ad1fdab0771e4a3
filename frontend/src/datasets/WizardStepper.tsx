/** The numbered steps of a wizard, the current one marked. */

export function WizardStepper({ steps, current }: { steps: string[]; current: number }) {
  return (
    <ol className="wizard-stepper">
      {steps.map((label, i) => (
        <li
          key={label}
          className={i === current ? "current" : i < current ? "done" : undefined}
          aria-current={i === current ? "step" : undefined}
        >
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}
