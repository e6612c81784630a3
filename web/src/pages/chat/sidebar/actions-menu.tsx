import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from '../../../layout/icons';

export interface MenuAction {
  label: string;
  icon: IconName;
  onSelect: () => void;
  danger?: boolean;
}

interface Placement {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  focus: 'first' | 'last';
}

// Fixed to the viewport so a scrolling list cannot clip it; opens upwards near the bottom of the screen.
function placeNextTo(button: HTMLElement, align: 'start' | 'end', focus: Placement['focus']): Placement {
  const rect = button.getBoundingClientRect();
  const upwards = rect.bottom + 260 > window.innerHeight && rect.top > 260;
  return {
    ...(upwards ? { bottom: window.innerHeight - rect.top + 4 } : { top: rect.bottom + 4 }),
    ...(align === 'start' ? { left: rect.left } : { right: window.innerWidth - rect.right }),
    focus,
  };
}

/**
 * A button that opens a menu of actions (role menu): arrow keys, Home and End move between them,
 * Escape closes it and returns focus to the button, a click elsewhere or Tab closes it.
 */
export function ActionsMenu({
  label,
  actions,
  align = 'end',
  buttonClassName = '',
}: {
  label: string;
  actions: MenuAction[];
  align?: 'start' | 'end';
  buttonClassName?: string;
}) {
  const id = useId();
  const [placement, setPlacement] = useState<Placement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const open = placement !== null;

  useEffect(() => {
    if (!placement) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    items?.[placement.focus === 'first' ? 0 : items.length - 1]?.focus();
    const closeOutside = (event: Event) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPlacement(null);
    };
    const close = () => setPlacement(null);
    document.addEventListener('pointerdown', closeOutside);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      window.removeEventListener('resize', close);
    };
  }, [placement]);

  const openFrom = (button: HTMLElement, focus: Placement['focus']) =>
    setPlacement(placeNextTo(button, align, focus));

  const closeAndReturn = () => {
    setPlacement(null);
    buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openFrom(event.currentTarget, event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      items[move]?.focus();
    } else if (event.key === 'Escape') {
      // Handled here only: a drawer around the menu must stay open.
      event.preventDefault();
      event.stopPropagation();
      closeAndReturn();
    } else if (event.key === 'Tab') setPlacement(null);
  };

  const select = (action: MenuAction) => (event: MouseEvent) => {
    event.preventDefault();
    closeAndReturn();
    action.onSelect();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        className={`rounded-md p-1.5 text-neutral-700 hover:bg-neutral-200 dark:text-neutral-300 dark:hover:bg-neutral-800 ${buttonClassName}`}
        onClick={(event) => (open ? setPlacement(null) : openFrom(event.currentTarget, 'first'))}
        onKeyDown={onButtonKeyDown}
      >
        <Icon name="more" className="size-5" />
      </button>
      {placement && (
        <div
          ref={menuRef}
          id={id}
          role="menu"
          aria-label={label}
          style={{
            position: 'fixed',
            top: placement.top,
            bottom: placement.bottom,
            left: placement.left,
            right: placement.right,
          }}
          className="z-50 min-w-48 rounded-md border border-neutral-300 bg-white py-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={select(action)}
              className={`flex w-full items-center gap-2 px-3 py-2 text-left text-sm hover:bg-neutral-100 focus:bg-neutral-100 dark:hover:bg-neutral-800 dark:focus:bg-neutral-800 ${
                action.danger ? 'text-red-700 dark:text-red-400' : 'text-neutral-900 dark:text-neutral-100'
              }`}
            >
              <Icon name={action.icon} className="size-4" />
              {action.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
