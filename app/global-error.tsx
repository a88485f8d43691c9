"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/ui/error-notice";

/** Replaces the root layout when the layout itself fails. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-bg text-fg antialiased">
        <ErrorNotice {...props} />
      </body>
    </html>
  );
}
