import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3 px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-muted">That page does not exist, or it is not shared with you.</p>
      <Link href="/home" className={buttonClass("secondary")}>
        Go home
      </Link>
    </main>
  );
}
