"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export interface NavItem {
  href: string;
  label: string;
  icon: "home" | "review" | "sets" | "attempts" | "progress" | "classes" | "assignments";
}

const icons: Record<NavItem["icon"], React.ReactNode> = {
  home: <path d="M3 10.5 12 3l9 7.5V21a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z" />,
  sets: <path d="M4 5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zm4 2v2h8V7zm0 4v2h8v-2zm0 4v2h5v-2z" />,
  review: <path d="M4 4h11a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm15 3h1a2 2 0 0 1 2 2v10a4 4 0 0 1-4 4H8v-2h10a2 2 0 0 0 2-2V9h-1z" />,
  attempts: <path d="M5 3h10l4 4v14H5zm9 1.5V8h3.5zM8 11v2h8v-2zm0 4v2h8v-2z" />,
  progress: <path d="M3 3h2v16h16v2H3zm4 10h3v5H7zm5-5h3v10h-3zm5-4h3v14h-3z" />,
  assignments: <path d="M9 2h6a1 1 0 0 1 1 1v1h3a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V3a1 1 0 0 1 1-1zm1 2v2h4V4zm-.7 9.3-1.4 1.4L11 17.8l5.1-5.1-1.4-1.4-3.7 3.7z" />,
  classes: <path d="M12 3 1 9l11 6 9-4.9V17h2V9zm-7 9.2V16c0 2 3.1 4 7 4s7-2 7-4v-3.8L12 16z" />,
};

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Phones show at most this many tabs; past it the last tab is "More", a menu of the rest. */
export const MAX_BOTTOM_TABS = 5;

/** Splits the items into the bottom bar's tabs and the "More" menu (empty when everything fits). */
export function splitBottomItems<T>(items: readonly T[]): { tabs: T[]; more: T[] } {
  if (items.length <= MAX_BOTTOM_TABS) return { tabs: [...items], more: [] };
  return { tabs: items.slice(0, MAX_BOTTOM_TABS - 1), more: items.slice(MAX_BOTTOM_TABS - 1) };
}

function NavIcon({ icon }: { icon: NavItem["icon"] | "more" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
      {icon === "more" ? <path d="M5 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4z" /> : icons[icon]}
    </svg>
  );
}

/** A navigation link as a full-width row (the desktop sidebar and the phone's "More" menu). */
function ListLink({ item, pathname, onClick }: { item: NavItem; pathname: string; onClick?: () => void }) {
  const active = isActive(pathname, item.href);
  return (
    <li>
      <Link
        href={item.href}
        aria-current={active ? "page" : undefined}
        onClick={onClick}
        className={`flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium ${active ? "bg-accent-soft text-accent" : "text-fg hover:bg-surface-2"}`}
      >
        <NavIcon icon={item.icon} />
        {item.label}
      </Link>
    </li>
  );
}

const bottomTabClass = (active: boolean) => `flex min-h-14 w-full flex-col items-center justify-center gap-0.5 text-xs ${active ? "text-accent" : "text-muted"}`;

/**
 * The phone's "More" tab: a disclosure button (aria-expanded, aria-controls) opening a menu of links
 * above the tab bar. Opening moves focus to the first link; Escape or a second press closes it and
 * returns focus to the button; a click outside or following a link closes it.
 */
function MoreMenu({ items, pathname }: { items: NavItem[]; pathname: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLLIElement>(null);
  const menuId = useId();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (isOpen && openedAt !== pathname) {
    // Navigated (e.g. by a link in the menu): the menu closes on the new page.
    setIsOpen(false);
    setOpenedAt(pathname);
  }
  const activeItem = items.find((item) => isActive(pathname, item.href));

  useEffect(() => {
    if (!isOpen) return;
    menuRef.current?.querySelector<HTMLAnchorElement>("a")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);

  return (
    <li ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => {
          setOpenedAt(pathname);
          setIsOpen((open) => !open);
        }}
        className={bottomTabClass(isOpen || activeItem !== undefined)}
      >
        <NavIcon icon="more" />
        More
        {activeItem ? <span className="sr-only">, current page: {activeItem.label}</span> : null}
      </button>
      <ul
        ref={menuRef}
        id={menuId}
        hidden={!isOpen}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          setIsOpen(false);
          buttonRef.current?.focus();
        }}
        className="absolute bottom-full right-2 mb-2 min-w-48 space-y-1 rounded-xl border border-border bg-surface p-2 shadow-lg"
      >
        {items.map((item) => (
          <ListLink key={item.href} item={item} pathname={pathname} onClick={() => setIsOpen(false)} />
        ))}
      </ul>
    </li>
  );
}

/** Sidebar links on desktop; on phones a bottom tab bar of at most five tabs, the rest under "More". */
export function NavLinks({ items, variant }: { items: NavItem[]; variant: "sidebar" | "bottom" }) {
  const pathname = usePathname();
  if (variant === "sidebar") {
    return (
      <ul className="space-y-1">
        {items.map((item) => (
          <ListLink key={item.href} item={item} pathname={pathname} />
        ))}
      </ul>
    );
  }
  const { tabs, more } = splitBottomItems(items);
  return (
    <ul className="grid grid-flow-col auto-cols-fr">
      {tabs.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={active ? "page" : undefined} className={bottomTabClass(active)}>
              <NavIcon icon={item.icon} />
              {item.label}
            </Link>
          </li>
        );
      })}
      {more.length > 0 ? <MoreMenu items={more} pathname={pathname} /> : null}
    </ul>
  );
}
