import type { TextareaHTMLAttributes } from "react";

/** A labelled textarea with its error and hint wired up for screen readers (the textarea twin of ui/Field). */
export function TextAreaField({
  label,
  name,
  id = name,
  errors,
  hint,
  className = "",
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hasError = !!errors?.length;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={hasError || undefined}
        aria-describedby={[hasError ? errorId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined}
        className={`block w-full rounded-lg border bg-surface px-3 py-2 text-base leading-relaxed text-fg placeholder:text-muted ${hasError ? "border-bad" : "border-border"} ${className}`}
        {...textarea}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="text-sm text-bad">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select with its error wired up. */
export function SelectField({
  label,
  name,
  id = name,
  errors,
  hint,
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hasError = !!errors?.length;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={hasError || undefined}
        aria-describedby={[hasError ? errorId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined}
        className={`block min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg ${hasError ? "border-bad" : "border-border"}`}
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="text-sm text-bad">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
