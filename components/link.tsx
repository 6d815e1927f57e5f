"use client";
// The app's link: Next's <Link> (client-side navigation) that prefetches its page when the user
// shows intent — pointer over it, keyboard focus, a touch — instead of when it scrolls into view.
// Every page here is rendered per request, so a viewport prefetch is a full server render: the
// dashboard's 250 figure links and a queue's 50 tickets made each view fire dozens of renders
// nobody asked for (issue 15). Hovering precedes a click by a few hundred milliseconds, which is
// most of what the prefetch wins. Import this, not next/link (eslint enforces it).
// eslint-disable-next-line no-restricted-imports -- the one place that wraps next/link
import NextLink from "next/link";
// The router as next/link itself reads it: absent (null) where a page is rendered outside Next's
// app router (the pages' integration tests), where useRouter() would throw.
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { useContext, type ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch" | "href"> & { href: string };

export default function Link({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useContext(AppRouterContext);
  const prefetch = () => {
    if (router && (href.startsWith("/") || href.startsWith("?"))) router.prefetch(href);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
      {...props}
    />
  );
}
