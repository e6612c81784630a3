import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

type ShowToast = (toast: Omit<Toast, 'id' | 'tone'> & { tone?: Toast['tone']; durationMs?: number }) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

/** Short messages at the bottom of the screen, read out by screen readers; one may carry an action such as Undo. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ShowToast>(
    ({ durationMs = 6000, tone = 'info', ...toast }) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-2), { id, tone, ...toast }]);
      setTimeout(() => dismiss(id), durationMs);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div aria-live="polite" className="fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className="flex items-center gap-3 rounded-md bg-neutral-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-neutral-100 dark:text-neutral-900"
          >
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="rounded px-2 py-1 font-medium text-blue-300 underline dark:text-blue-800"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast({ message, action: { label: 'Undo', run } })`. */
export function useToast() {
  return useContext(ToastContext);
}
