"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice {...props} />;
}
