// The part of the `smpp` package (node-smpp, no published types) this app uses: an ESME session
// that binds, submits and receives delivery receipts, and the server the tests run.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    message_id?: string;
    esm_class?: number;
    short_message?: { message?: string | Buffer } | Buffer | string;
    message_payload?: { message?: string | Buffer } | Buffer | string;
    receipted_message_id?: string;
    message_state?: number;
    destination_addr?: string;
    source_addr?: string;
    system_id?: string;
    password?: string;
    data_coding?: number;
    response(options?: Record<string, unknown>): PDU;
  }

  export interface Session extends EventEmitter {
    bind_transceiver(options: Record<string, unknown>, callback: (pdu: PDU) => void): void;
    submit_sm(options: Record<string, unknown>, callback: (pdu: PDU) => void): void;
    deliver_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    send(pdu: PDU): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export function connect(options: { url: string; auto_enquire_link_period?: number; connectTimeout?: number }, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): NetServer;

  export const consts: { ESM_CLASS: { MC_DELIVERY_RECEIPT: number }; ENCODING: { UCS2: number } };
  export const errors: Record<string, number>;
}
