/** Requests the offline assistant understands (docs/assistant.md), to show what a chat can do. */
const examples = [
  'add buy milk to my list',
  "what's left to do?",
  'note: the wifi password is on the fridge',
  'summarize this: ',
  'what can you do?',
];

/** A new chat: a greeting and a few example requests that fill the composer when picked. */
export function EmptyThread({ onPick }: { onPick: (text: string) => void }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-16 text-center">
      <h2 className="text-xl font-semibold">What can I do for you?</h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        The assistant works with your tasks, documents and text tools, and shows every tool it calls. Try:
      </p>
      <ul className="flex flex-wrap justify-center gap-2">
        {examples.map((example) => (
          <li key={example}>
            <button
              type="button"
              className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm text-neutral-800 hover:bg-neutral-100 dark:border-neutral-700 dark:text-neutral-200 dark:hover:bg-neutral-800"
              onClick={() => onPick(example)}
            >
              {example.trim()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
