import { SectionHeading } from '../../components/section-nav';
import { setTheme, type Theme, useTheme } from '../../theme';

const choices: { value: Theme; label: string; description: string }[] = [
  { value: 'light', label: 'Light', description: 'Dark text on a light background.' },
  { value: 'dark', label: 'Dark', description: 'Light text on a dark background.' },
  { value: 'system', label: 'System', description: 'Follows your device: light by day, dark when it is.' },
];

/** The theme: light, dark or the system's, kept in this browser. */
export function AppearanceSection() {
  const theme = useTheme();
  return (
    <section>
      <SectionHeading title="Appearance" description="Kept in this browser; every page follows it at once." />
      <fieldset className="flex max-w-md flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">Theme</legend>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-neutral-300 p-3 has-checked:border-blue-700 has-checked:bg-blue-50 dark:border-neutral-700 dark:has-checked:border-blue-400 dark:has-checked:bg-blue-950"
          >
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              onChange={() => setTheme(choice.value)}
              className="mt-1"
            />
            <span>
              <span className="block text-sm font-medium">{choice.label}</span>
              <span className="block text-sm text-neutral-600 dark:text-neutral-400">
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
