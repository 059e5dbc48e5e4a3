// Loading, empty and error states, the same everywhere.
import { ApiError } from '../api.js';

export function Loading({ what }: { what: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: string }) {
  return <p class="status empty">{children}</p>;
}

export function ErrorMessage({ error }: { error: Error }) {
  const fields = error instanceof ApiError ? error.fields : [];
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div class="error" role="alert">
      <strong>{forbidden ? 'Not allowed.' : 'Something went wrong.'}</strong> {error.message}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
