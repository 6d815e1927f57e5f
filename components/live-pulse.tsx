"use client";
// The floor's live updates and notice bell (issue 13 item 9), mounted once in the staff header.
// One mechanism: it polls GET /api/v1/me/pulse (lib/dal/pulse.ts) — every 15 s while the tab is
// visible, at once when the user comes back to it, backing off after failures — and when the
// change mark moves on a queue page it asks the server to render the page again
// (router.refresh), so counts and lists update without this component knowing their markup.
import Link from "@/components/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isLivePath, nextPollDelay, NOTICE_LIMIT } from "@/lib/domain/floor-notices";
import { formatDateTime } from "@/lib/format";

type PulseNotice = { kind: string; label: string; no: string; title: string; at: string; read: boolean };
type PulseBody = { mark: string; unread: number; notices: PulseNotice[]; sound: boolean };

/** The dispatcher's own choice, on this browser only; off unless turned on. */
const SOUND_KEY = "jsjb.notice-sound";

function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
    tone.onended = () => void audio.close();
  } catch {
    // No audio device or not allowed yet: the bell still shows the count.
  }
}

export function LivePulse({ bell }: { bell: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pulse, setPulse] = useState<PulseBody | null>(null);
  const [open, setOpen] = useState(false);
  // Read once on the client; the panel holding the switch is closed when the page hydrates.
  const [sound, setSound] = useState(() => typeof window !== "undefined" && localStorage.getItem(SOUND_KEY) === "on");
  const state = useRef({ mark: null as string | null, unread: 0, failures: 0, busy: false, stopped: false, live: false, sound: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    state.current.live = isLivePath(pathname);
    state.current.sound = sound;
  }, [pathname, sound]);

  // Set by the effect below: poll now (after 全部标为已读).
  const pollNow = useRef<() => void>(() => {});

  useEffect(() => {
    const s = state.current;
    s.stopped = false;
    async function poll() {
      clearTimeout(timer.current);
      // A hidden tab does not poll; coming back to it polls at once (visibilitychange below).
      if (s.busy || s.stopped || document.hidden) return;
      s.busy = true;
      try {
        const response = await fetch("/api/v1/me/pulse", { cache: "no-store" });
        // Signed out (or the account changed): nothing more to ask until the next sign-in.
        if (response.status === 401 || response.status === 403) s.stopped = true;
        else if (!response.ok) s.failures += 1;
        else {
          const body = (await response.json()) as PulseBody;
          s.failures = 0;
          if (s.mark !== null && body.mark !== s.mark && s.live) router.refresh();
          if (s.mark !== null && s.sound && body.unread > s.unread) beep();
          s.mark = body.mark;
          s.unread = body.unread;
          setPulse(body);
        }
      } catch {
        s.failures += 1;
      } finally {
        s.busy = false;
        if (!s.stopped) timer.current = setTimeout(() => void poll(), nextPollDelay(s.failures));
      }
    }
    const wake = () => void poll();
    pollNow.current = wake;
    wake();
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    return () => {
      s.stopped = true;
      clearTimeout(timer.current);
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
    };
  }, [router]);

  if (!bell) return null;
  const unread = pulse?.unread ?? 0;
  const notices = pulse?.notices ?? [];

  async function markAllRead() {
    const newest = notices[0];
    if (!newest) return;
    const response = await fetch("/api/v1/me/notices/read", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ upTo: newest.at }),
    });
    if (response.ok) pollNow.current();
  }

  function toggleSound(on: boolean) {
    localStorage.setItem(SOUND_KEY, on ? "on" : "off");
    setSound(on);
  }

  return (
    <div className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        data-testid="notice-bell"
        aria-expanded={open}
        aria-controls="notice-panel"
        aria-label={unread > 0 ? `通知，${unread} 条未读` : "通知"}
        onClick={() => setOpen(!open)}
        className="rounded-lg px-3 py-2 hover:bg-white/10"
      >
        通知
        {unread > 0 && (
          <span data-testid="notice-unread" className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
            {unread >= NOTICE_LIMIT ? `${NOTICE_LIMIT}+` : unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notice-panel" className="absolute right-0 z-20 mt-2 w-80 max-w-[90vw] rounded-xl border border-slate-200 bg-white text-slate-900 shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="font-semibold">站内通知</span>
            <button type="button" onClick={() => void markAllRead()} disabled={unread === 0} className="text-sm text-brand-700 disabled:text-slate-500">
              全部标为已读
            </button>
          </div>
          {notices.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-600">暂无通知</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {notices.map((n) => (
                <li key={`${n.kind}-${n.no}-${n.at}`} data-testid="notice" data-read={n.read} className={n.read ? "" : "bg-amber-50"}>
                  <Link href={`/tickets/${n.no}`} onClick={() => setOpen(false)} className="block px-3 py-2 hover:bg-slate-50">
                    <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">{n.label}</span>
                    {!n.read && <span className="sr-only">未读</span>}
                    <span className="text-sm">{n.title}</span>
                    <span className="mt-0.5 block text-xs text-slate-600">
                      <span className="font-mono">{n.no}</span> · {formatDateTime(n.at)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {pulse?.sound && (
            <label className="flex items-center gap-2 border-t border-slate-100 px-3 py-2 text-sm">
              <input type="checkbox" checked={sound} onChange={(e) => toggleSound(e.target.checked)} />
              新通知提示音
            </label>
          )}
        </div>
      )}
    </div>
  );
}
