"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField, TextAreaField } from "@/components/ui/field";

export interface UploadLimits {
  maxMaterialBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  maxQuestions: number;
  extensions: readonly string[];
}

interface ChosenFile {
  name: string;
  size: number;
  problem: string | null;
}

const formatSize = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`);

function checkFile(file: File, limits: UploadLimits): string | null {
  if (!limits.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) return "not a .txt, .md or .html file";
  if (file.size === 0) return "empty";
  if (file.size > limits.maxMaterialBytes) return `over the ${formatSize(limits.maxMaterialBytes)} limit`;
  return null;
}

type Result = { ok: true; setId: string; jobId: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * New study set: paste text (with its title, outlet and date) and/or upload files, optionally type
 * written questions to get model answers for. Nothing typed is lost on an error: the form is never
 * reset, and the server writes nothing until every part is valid.
 */
export function NewSetForm({ limits }: { limits: UploadLimits }) {
  const router = useRouter();
  const errorRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, setIsPending] = useState(false);
  const [chosen, setChosen] = useState<ChosenFile[]>([]);

  function onFilesChange(event: React.ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    setChosen(files.map((f) => ({ name: f.name, size: f.size, problem: checkFile(f, limits) })));
    setFieldErrors((current) => {
      const { files: _files, ...rest } = current;
      return rest;
    });
  }

  function showError(message: string, errors: Record<string, string[]> = {}) {
    setIsPending(false);
    setError(message);
    setFieldErrors(errors);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const problems = chosen.filter((f) => f.problem).map((f) => `“${f.name}” is ${f.problem}.`);
    if (chosen.length > limits.maxFiles) problems.push(`Choose at most ${limits.maxFiles} files.`);
    if (problems.length) return showError("Some files cannot be used. Nothing was sent.", { files: problems });
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    let result: Result;
    try {
      const response = await fetch("/api/study-sets", { method: "POST", body: form });
      result = (await response.json()) as Result;
    } catch {
      return showError("The material could not be sent. Check your connection and try again; everything you entered is still here.");
    }
    if (!result.ok) return showError(result.error, result.fieldErrors ?? {});
    router.push(`/sets/${result.setId}/edit`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby="new-set-help">
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        <FormError message={error} />
      </div>
      <p id="new-set-help" className="text-sm text-muted">
        Crux reads the material, then drafts flashcards, timed questions and model answers — each tied to the sentence it comes from. You review every draft before learners see it.
      </p>

      <fieldset className="space-y-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">The study set</legend>
        <Field label="Title" name="title" required maxLength={120} placeholder="e.g. Pakistan–Afghanistan border tensions" errors={fieldErrors.title} />
        <Field label="Subject (optional)" name="subject" maxLength={60} placeholder="e.g. GS Paper II — International relations" errors={fieldErrors.subject} />
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">Paste text</legend>
        <Field label="Article title (optional)" name="pasteTitle" maxLength={300} placeholder="Taken from the text when left empty" errors={fieldErrors.pasteTitle} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Outlet (optional)" name="pasteOutlet" maxLength={200} placeholder="e.g. The Hindu" errors={fieldErrors.pasteOutlet} />
          <Field label="Published on (optional)" name="pastePublishedAt" type="date" errors={fieldErrors.pastePublishedAt} />
        </div>
        <TextAreaField
          label="Text"
          name="pasteText"
          rows={10}
          placeholder="Paste an article, notes or a chapter. Page clutter (banners, “Print PDF”, comment counts) is removed for you."
          errors={fieldErrors.pasteText}
        />
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">Upload files</legend>
        <div className="space-y-1">
          <label htmlFor="files" className="block text-sm font-medium">
            Files (.txt, .md or .html)
          </label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept={limits.extensions.join(",")}
            onChange={onFilesChange}
            aria-invalid={fieldErrors.files?.length ? true : undefined}
            aria-describedby={`files-hint${fieldErrors.files?.length ? " files-error" : ""}`}
            className="block min-h-11 w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-fg file:mr-3 file:rounded-md file:border-0 file:bg-surface-2 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg"
          />
          <p id="files-hint" className="text-xs text-muted">
            Up to {limits.maxFiles} files, {formatSize(limits.maxMaterialBytes)} each and {formatSize(limits.maxTotalBytes)} in all.
          </p>
          {fieldErrors.files?.length ? (
            <ul id="files-error" className="space-y-0.5 text-sm text-bad">
              {fieldErrors.files.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {chosen.length > 0 ? (
          <ul className="divide-y divide-border rounded-lg border border-border text-sm" aria-label="Chosen files">
            {chosen.map((f) => (
              <li key={`${f.name}-${f.size}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 break-all">{f.name}</span>
                <span className={f.problem ? "text-bad" : "text-muted"}>{f.problem ? `${formatSize(f.size)} — ${f.problem}` : formatSize(f.size)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">Written questions (optional)</legend>
        <TextAreaField
          label="Questions to write model answers for"
          name="questions"
          rows={4}
          hint={`One question per line, up to ${limits.maxQuestions}. Each gets a model answer and a rubric drawn from the material.`}
          placeholder="e.g. Examine how recent clashes on the Pakistan–Afghanistan border strain bilateral relations."
          errors={fieldErrors.questions}
        />
        <SelectField label="Marks per question" name="marks" defaultValue="" errors={fieldErrors.marks} hint="10 marks → 150 words in 7 minutes; 15 marks → 250 words in 11 minutes.">
          <option value="">As stated in the question, else 15</option>
          <option value="10">10 marks</option>
          <option value="15">15 marks</option>
        </SelectField>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Reading the material…" : "Create and process"}
        </Button>
        <span className="text-sm text-muted" aria-live="polite">
          {isPending ? "Checking and saving your material." : ""}
        </span>
      </div>
    </form>
  );
}
