import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldProps {
  label: string;
  name: string;
  id?: string;
  errors?: string[];
  hint?: string;
}

interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  hasError: boolean;
}

/** Label, hint and error around one form control, wired up for screen readers. */
function LabelledControl({ label, name, id = name, errors, hint, control }: FieldProps & { control: (wiring: ControlWiring) => ReactNode }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hasError = !!errors?.length;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {control({
        id,
        "aria-invalid": hasError || undefined,
        "aria-describedby": [hasError ? errorId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined,
        hasError,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/**
 * A field's problem beside it, announced when it appears (role="alert"): after a failed submit the
 * form-level message leaves out what the fields say (formLevelError), so this is where a screen reader
 * hears it. `id` is what the control's aria-describedby names. Nothing without errors.
 */
export function FieldError({ id, errors }: { id?: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="text-sm text-bad">
      {errors.join(" ")}
    </p>
  );
}

const borderOf = (hasError: boolean) => (hasError ? "border-bad" : "border-border");

/** A labelled input. */
export function Field({ label, name, id, errors, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <LabelledControl
      {...{ label, name, id, errors, hint }}
      control={({ hasError, ...wiring }) => (
        <input
          name={name}
          {...wiring}
          className={`block min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg placeholder:text-muted ${borderOf(hasError)}`}
          {...input}
        />
      )}
    />
  );
}

/** A labelled textarea. */
export function TextAreaField({ label, name, id, errors, hint, className = "", ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <LabelledControl
      {...{ label, name, id, errors, hint }}
      control={({ hasError, ...wiring }) => (
        <textarea
          name={name}
          {...wiring}
          className={`block w-full rounded-lg border bg-surface px-3 py-2 text-base leading-relaxed text-fg placeholder:text-muted ${borderOf(hasError)} ${className}`}
          {...textarea}
        />
      )}
    />
  );
}

/** A labelled select. */
export function SelectField({ label, name, id, errors, hint, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & FieldProps) {
  return (
    <LabelledControl
      {...{ label, name, id, errors, hint }}
      control={({ hasError, ...wiring }) => (
        <select name={name} {...wiring} className={`block min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg ${borderOf(hasError)}`} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/**
 * A form's or a screen's error, announced. When the session has ended, a link opens sign-in in a new
 * tab, so what this screen holds (a rating, a draft, a form's input) stays here to be sent again.
 */
export function FormError({ message, isSessionEnded = false }: { message?: string | null; isSessionEnded?: boolean }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border border-bad/40 bg-surface-2 px-3 py-2 text-sm text-bad">
      {message}
      {isSessionEnded ? <SignInLink /> : null}
    </p>
  );
}

/** After "Your session has ended…": sign-in in a new tab, leaving this one as it is. */
export function SignInLink() {
  return (
    <>
      {" "}
      <a href="/signin" target="_blank" rel="noopener" className="font-medium underline underline-offset-2">
        Sign in (opens a new tab)
      </a>
    </>
  );
}
