import type { Metadata } from "next";
import Link from "next/link";
import { NewSetForm } from "@/components/authoring/new-set-form";
import { PageHeader } from "@/components/ui/panel";
import { AUTHORING_LIMITS } from "@/lib/server/authoring";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New study set" };

export default async function NewSetPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="New study set"
        subtitle={user.role === "student" ? "A private set for your own study: only you will see it." : "Build a set from your material, review it, then assign it to a class."}
      >
        <Link href="/sets" className="text-sm text-accent underline-offset-2 hover:underline">
          Back to study sets
        </Link>
      </PageHeader>
      <NewSetForm limits={AUTHORING_LIMITS} />
    </div>
  );
}
