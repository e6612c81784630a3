import { type DragEvent, type ReactNode, useState } from 'react';
import { Icon } from '../../layout/icons';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Takes files dropped anywhere on it, showing where to drop them while they are dragged over. */
export function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className="relative min-h-full"
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      }}
    >
      {children}
      {dragging && (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-2 z-40 flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-blue-600 bg-blue-50/90 text-blue-900 dark:border-blue-400 dark:bg-blue-950/90 dark:text-blue-100"
        >
          <Icon name="upload" className="size-8" />
          <p className="text-lg font-medium">Drop files to upload them</p>
        </div>
      )}
    </div>
  );
}
