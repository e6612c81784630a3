import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from './button';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom; a Close button when left out. */
  footer?: ReactNode;
}

/** A modal dialog on the native <dialog>: focus is trapped, Escape closes it, focus returns where it was. */
export function Dialog({ open, title, onClose, children, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-neutral-300 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-black/40 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <h2
            id="dialog-title"
            className="border-b border-neutral-200 px-5 py-3 text-lg font-semibold dark:border-neutral-800"
          >
            {title}
          </h2>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
          <div className="flex justify-end gap-2 border-t border-neutral-200 px-5 py-3 dark:border-neutral-800">
            {footer ?? <Button onClick={onClose}>Close</Button>}
          </div>
        </div>
      )}
    </dialog>
  );
}
