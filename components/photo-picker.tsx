"use client";

import { FileText, ImagePlus, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

type Picked = { key: string; file: File; url: string };

/**
 * 选择照片: a Chinese picker in place of the browser's "Choose Files / No file chosen". The chosen
 * files live in the (visually hidden) file input itself, kept in step with the thumbnails through
 * a DataTransfer, so the surrounding form submits them as `name` like any file field and the
 * server checks them as before. Choosing again adds to the selection, up to `max`; each
 * thumbnail has its own 删除. Generic on purpose: citizens' photos, and staff attachments
 * (`files`: documents too, shown as a tile with their name, counted in 个 instead of 张).
 */
export function PhotoPicker({
  name,
  max,
  accept = "image/jpeg,image/png,image/webp",
  label = "选择照片",
  files = false,
  onChange,
}: {
  name: string;
  max: number;
  accept?: string;
  label?: string;
  /** Documents as well as photos. */
  files?: boolean;
  /** Told after every change, e.g. to drop a stale error message. */
  onChange?: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [overflow, setOverflow] = useState(0);
  const hintId = useId();

  // Thumbnails are object URLs: released when the selection changes and when the form goes away.
  useEffect(() => () => picked.forEach((p) => URL.revokeObjectURL(p.url)), [picked]);

  function update(next: File[]) {
    const kept = next.slice(0, max);
    setOverflow(next.length - kept.length);
    const transfer = new DataTransfer();
    kept.forEach((file) => transfer.items.add(file));
    if (input.current) input.current.files = transfer.files;
    setPicked(kept.map((file, i) => ({ key: `${i}-${file.name}-${file.size}-${file.lastModified}`, file, url: URL.createObjectURL(file) })));
    onChange?.(kept);
  }

  function onChosen(event: React.ChangeEvent<HTMLInputElement>) {
    // The input now holds only the newest choice: add it to what was chosen before.
    update([...picked.map((p) => p.file), ...Array.from(event.target.files ?? [])]);
  }

  const full = picked.length >= max;
  const [unit, noun] = files ? ["个", "文件"] : ["张", "照片"];
  return (
    <div className="space-y-2" data-testid={`photo-picker-${name}`}>
      <div className="flex flex-wrap items-center gap-3">
        {/* The label is the button: a click opens the file chooser, and the input inside it keeps
            its keyboard focus (sr-only, not removed) and its accessible name. */}
        <label
          className={`inline-flex items-center gap-2 rounded-lg border px-4 py-3 font-medium focus-within:ring-2 focus-within:ring-brand-600 ${
            full ? "cursor-not-allowed border-slate-300 bg-slate-100 text-slate-600" : "cursor-pointer border-brand-600 bg-brand-50 text-brand-700 hover:bg-brand-100"
          }`}
        >
          <ImagePlus aria-hidden className="size-5" />
          {label}
          {/* Never `disabled` when full: a disabled input would not send the photos with the form. */}
          <input
            ref={input}
            type="file"
            name={name}
            accept={accept}
            multiple
            onChange={onChosen}
            onClick={(event) => full && event.preventDefault()}
            aria-disabled={full}
            aria-describedby={hintId}
            className="sr-only"
          />
        </label>
        <span id={hintId} className="text-sm text-slate-600" data-testid="photo-count">
          已选 {picked.length} / {max} {unit}
        </span>
      </div>
      {overflow > 0 && (
        <p role="status" className="text-sm text-amber-800">
          最多 {max} {unit}，多选的 {overflow} {unit}未加入
        </p>
      )}
      {picked.length > 0 && (
        <ul className="flex flex-wrap gap-3">
          {picked.map((p, i) => (
            <li key={p.key} className="relative">
              {p.file.type.startsWith("image/") ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL: nothing for next/image to optimise
                <img src={p.url} alt={`已选${noun} ${i + 1}：${p.file.name}`} className="size-24 rounded-lg border border-slate-200 object-cover" />
              ) : (
                <span className="flex size-24 flex-col items-center justify-center gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1 text-center text-xs break-all text-slate-700">
                  <FileText aria-hidden className="size-6 shrink-0" />
                  {p.file.name}
                </span>
              )}
              <button
                type="button"
                onClick={() => update(picked.filter((other) => other !== p).map((other) => other.file))}
                className="absolute -top-2 -right-2 inline-flex items-center gap-0.5 rounded-full bg-red-700 px-2 py-1 text-xs font-medium text-white shadow"
                aria-label={`删除第 ${i + 1} ${unit}${noun}`}
              >
                <X aria-hidden className="size-3" />
                删除
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
