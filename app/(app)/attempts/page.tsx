import type { Metadata } from "next";
import { AttemptList } from "@/components/writing/attempt-list";
import { PageHeader, Panel } from "@/components/ui/panel";
import { requireUser } from "@/lib/server/session";
import { listMyWrittenAttempts } from "@/lib/server/writing";

export const metadata: Metadata = { title: "Your written answers" };

export default async function AttemptsPage() {
  const user = await requireUser();
  const attempts = await listMyWrittenAttempts(user);
  return (
    <>
      <PageHeader title="Your written answers" subtitle="Every practice answer you have written, with its marks." />
      <Panel aria-label="Written answers">
        <AttemptList attempts={attempts} showQuestion empty="You have not written any practice answers yet. Open a study set and choose a written question." />
      </Panel>
    </>
  );
}
