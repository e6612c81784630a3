import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { Icon } from '../../layout/icons';
import { AddUrlDialog } from './add-url-dialog';
import type { DocumentFilters, DocumentKind } from './document-api';
import { DocumentList } from './document-list';
import { DropZone } from './drop-zone';
import { kindLabels } from './format';
import { UploadList } from './upload-list';
import { useUploads } from './use-uploads';
import { WriteNoteDialog } from './write-note-dialog';
import { useFeature } from '../../api/features';

const kinds = Object.keys(kindLabels) as DocumentKind[];

function readFilters(params: URLSearchParams): DocumentFilters {
  const kind = kinds.find((candidate) => candidate === params.get('kind')) ?? '';
  return { q: params.get('q')?.trim() ?? '', kind };
}

/** The documents list: search (in the URL), add by upload, drop, web address or note. */
export function DocumentsHome() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { uploads, start, dismiss } = useUploads();
  const [adding, setAdding] = useState<'url' | 'note' | null>(null);
  const urlDocuments = useFeature('url_documents');
  const fileInput = useRef<HTMLInputElement>(null);
  const change = (changes: Partial<DocumentFilters>) => {
    const next = { ...filters, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)));
  };

  return (
    <DropZone onFiles={(files) => void start(files)}>
      <div className="mx-auto max-w-4xl p-4 sm:p-6">
        <PageHeader
          title="Documents"
          description="Notes, files and web pages the assistant can search and read. Drop files anywhere here to upload them."
          actions={
            <>
              <Button variant="primary" onClick={() => fileInput.current?.click()}>
                <Icon name="upload" className="size-4" />
                Upload files
              </Button>
              {urlDocuments && <Button onClick={() => setAdding('url')}>Add a web page</Button>}
              <Button onClick={() => setAdding('note')}>
                <Icon name="edit" className="size-4" />
                Write a note
              </Button>
            </>
          }
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          aria-label="Files to upload"
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void start(files);
          }}
        />
        <UploadList uploads={uploads} onDismiss={dismiss} />
        <div className="mb-4 flex flex-wrap items-end gap-2">
          {/* Keyed by the URL's words, so going back puts the earlier words in the box. */}
          <form
            key={filters.q}
            role="search"
            className="min-w-56 flex-1"
            onSubmit={(event) => {
              event.preventDefault();
              const words = new FormData(event.currentTarget).get('q');
              change({ q: typeof words === 'string' ? words.trim() : '' });
            }}
          >
            <TextField
              label="Search documents"
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder={'Words, "a phrase", or -without, then Enter'}
              className="h-10"
            />
          </form>
          <SelectField
            label="Kind"
            value={filters.kind}
            onChange={(event) => change({ kind: event.target.value as DocumentFilters['kind'] })}
            className="h-10 w-36"
          >
            <option value="">All kinds</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </SelectField>
        </div>
        <DocumentList filters={filters} />
      </div>
      {adding === 'url' && urlDocuments && <AddUrlDialog onClose={() => setAdding(null)} />}
      {adding === 'note' && <WriteNoteDialog onClose={() => setAdding(null)} />}
    </DropZone>
  );
}
