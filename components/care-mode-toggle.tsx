import { setCareMode } from "@/app/(public)/care-mode-actions";

/**
 * The header's 大字版 switch (lib/domain/care-mode.ts). A plain form posting to a server action,
 * so it also works before the page's scripts have loaded; the button names what it will do.
 */
export function CareModeToggle({ on }: { on: boolean }) {
  return (
    <form action={setCareMode} className="ml-auto">
      <input type="hidden" name="mode" value={on ? "off" : "on"} />
      <button
        type="submit"
        data-testid="care-mode-toggle"
        title={on ? "恢复标准字号和配色" : "关怀模式：更大的字和按钮，更高的对比度"}
        className="rounded-lg border border-white/70 px-3 py-2 text-sm font-semibold hover:bg-white/10"
      >
        {on ? "退出大字版" : "大字版"}
      </button>
    </form>
  );
}
