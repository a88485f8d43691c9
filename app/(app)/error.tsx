"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice {...props} />;
}
