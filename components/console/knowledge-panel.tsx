"use client";

import { useEffect, useState } from "react";
import { findKnowledge } from "@/app/(staff)/console/actions";
import type { KnowledgeHit } from "@/lib/dal/knowledge";

/** 知识库 beside a call being answered: search as one types, insert an answer with one click. */
export function KnowledgePanel({ category, onInsert }: { category: string; onInsert: (hit: KnowledgeHit) => void }) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<KnowledgeHit[]>([]);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      findKnowledge(q, category || undefined).then((r) => {
        if (!current) return;
        setHits(r.ok ? r.data : []);
        setFailed(r.ok ? null : r.message);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, category]);

  return (
    <section className="rounded-xl border border-sky-200 bg-sky-50 p-3" aria-label="知识库">
      <h3 className="mb-2 font-semibold text-sky-900">知识库</h3>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="输入关键词，如 年检、换证、违法"
        aria-label="检索知识库"
        className="w-full rounded-md border border-sky-300 bg-white px-2.5 py-1.5"
      />
      {failed && <p className="mt-2 text-red-700">{failed}</p>}
      {!failed && hits.length === 0 && <p className="mt-2 text-sky-800">没有匹配的标准答复</p>}
      <ul className="mt-2 space-y-2">
        {hits.map((hit) => (
          <li key={hit.id} className="rounded-lg bg-white p-2" data-testid="knowledge-hit">
            <p className="font-medium">{hit.title}</p>
            <p className="mt-1 line-clamp-3 text-xs text-slate-600">{hit.answer}</p>
            <button type="button" onClick={() => onInsert(hit)} className="mt-1 rounded-md bg-sky-700 px-2 py-1 text-xs font-semibold text-white">
              插入答复
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
