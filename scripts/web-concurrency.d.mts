export function webConcurrency(
  env: Record<string, string | undefined>,
  options?: { dev?: boolean; cores?: number },
): { workers: number; note: string | null };
