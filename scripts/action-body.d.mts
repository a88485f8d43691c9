import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export const ACTION_BODY_LIMIT_BYTES: number;
export function isServerActionRequest(req: IncomingMessage): boolean;
export function readActionBody(req: IncomingMessage, limitBytes?: number): Promise<{ ok: true; body: Buffer } | { ok: false; status: number; message: string }>;
export function actionBodyProblem(headers: IncomingHttpHeaders, body: Buffer): Promise<string | null>;
export function withBody(req: IncomingMessage, body: Buffer): IncomingMessage;
export function refuseAction(res: ServerResponse, status: number, message: string): void;
