import { FieldError } from "@/components/ui/field";
import { formatMarks } from "@/lib/writing/marks";

/** "New mark": one of the point's mark steps, each shown as "x of max". */
export function MarkSelect({ id, value, onChange, choices, errors }: { id: string; value: string; onChange: (value: string) => void; choices: number[]; errors?: string[] }) {
  const max = choices[choices.length - 1];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        New mark
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="block min-h-11 w-full rounded-lg border border-border bg-surface px-3 text-base text-fg sm:w-40"
      >
        {choices.map((c) => (
          <option key={c} value={String(c)}>
            {formatMarks(c)} of {formatMarks(max ?? c)}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
