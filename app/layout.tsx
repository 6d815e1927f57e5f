import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "接诉即办 · 示例市公安交管", template: "%s · 接诉即办" },
  description: "示例市公安局交通警察支队群众诉求受理、办理与回访平台",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request so Next.js can put the request's CSP nonce on its scripts (proxy.ts).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
