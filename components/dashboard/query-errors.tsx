import Link from "@/components/link";

/** What was wrong with the URL's parameters, in Chinese, and a way back to a page that works. */
export function QueryErrors({ title, messages, back }: { title: string; messages: string[]; back: { href: string; label: string } }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{title}</h1>
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-800" data-testid="query-error">
        <p className="font-medium">查询条件有误：</p>
        <ul className="mt-1 list-inside list-disc text-sm">
          {[...new Set(messages)].map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
      <Link href={back.href} className="text-brand-600 underline">
        {back.label}
      </Link>
    </div>
  );
}
