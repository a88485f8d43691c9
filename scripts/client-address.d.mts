import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER: "x-crux-client-address";
export const CLIENT_MAC_HEADER: "x-crux-client-mac";
export type TrustFunction = (address: string, hop: number) => boolean;
export function compileTrustProxy(value: string | undefined): TrustFunction;
export function addressKey(address: string | undefined): string;
export function macOf(address: string, secret: string): string;
export function stampClientAddress(req: IncomingMessage, trust: TrustFunction, secret: string): string;
