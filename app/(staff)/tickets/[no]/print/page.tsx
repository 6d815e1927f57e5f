import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden, notFound } from "next/navigation";
import { PrintButton } from "@/components/reports/print-button";
import { TicketPrintoutDocument } from "@/components/ticket-printout";
import { requirePageActor } from "@/lib/auth/session";
import { ticketPrintout } from "@/lib/dal/ticket-print";
import { Forbidden, NotFound } from "@/lib/errors";

type Props = { params: Promise<{ no: string }> };

// The document title is what "另存为 PDF" suggests as the file name.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `工单办理单 ${(await params).no}` };
}

/** 工单办理单: one ticket on A4 for the file and for meetings (the print dialog does the rest). */
export default async function TicketPrintPage({ params }: Props) {
  const { no } = await params;
  const actor = await requirePageActor();
  let printout;
  try {
    printout = await ticketPrintout(actor, no);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <Link href={`/tickets/${printout.ticket.no}`} className="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">
          返回工单
        </Link>
        <PrintButton />
      </div>
      <TicketPrintoutDocument printout={printout} />
    </div>
  );
}
