// SPDX-License-Identifier: Apache-2.0
// Item pictures drawn from the category: the shop sends no images, and a picture per root category makes rows
// readable at a glance (a row of nappies looks different from a row of phones) without any network request.
import { svg } from "./dom";

interface Look {
  background: string;
  ink: string;
  /** An icon on a 24 x 24 grid, as SVG path data. */
  icon: string;
}

const LOOKS: Record<string, Look> = {
  "Electronics": { background: "#dbeafe", ink: "#1e40af", icon: "M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 3v13h8V5zm3 14.5h2" },
  "Baby & Kids": { background: "#fce7f3", ink: "#9d174d", icon: "M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-6 18c0-4 2.7-7 6-7s6 3 6 7zM10 6.5h.01M14 6.5h.01" },
  "Home": { background: "#fef3c7", ink: "#92400e", icon: "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10" },
  "Beauty": { background: "#fae8ff", ink: "#86198f", icon: "M12 2c3 5 6 8.5 6 12a6 6 0 0 1-12 0c0-3.5 3-7 6-12z" },
  "Fashion": { background: "#ede9fe", ink: "#5b21b6", icon: "M8 3l4 3 4-3 5 4-3 4-2-1v11H8V10l-2 1-3-4z" },
  "Sports": { background: "#dcfce7", ink: "#166534", icon: "M5 17a3 3 0 1 0 0 .01M19 17a3 3 0 1 0 0 .01M5 17l4-8h6l4 8M9 9l3 8 3-8M8 6h3" },
  "Health": { background: "#fee2e2", ink: "#991b1b", icon: "M9 3h6v6h6v6h-6v6H9v-6H3V9h6z" },
  "Garden": { background: "#ecfccb", ink: "#3f6212", icon: "M12 21V11M12 11c0-5 4-8 8-8 0 5-3 8-8 8zM12 14c0-4-3-6-7-6 0 4 3 6 7 6z" },
  "Books": { background: "#e0e7ff", ink: "#3730a3", icon: "M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6z" },
  "Food & Drink": { background: "#ffedd5", ink: "#9a3412", icon: "M4 8h13v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM17 10h2a2 2 0 0 1 0 4h-2M8 2v3M12 2v3" },
  "Pets": { background: "#f5f5f4", ink: "#44403c", icon: "M12 12c3 0 5 3 5 5.5S15 21 12 21s-5-1-5-3.5S9 12 12 12zM5 9a2 2 0 1 0 .01 0M19 9a2 2 0 1 0 .01 0M9 4a2 2 0 1 0 .01 0M15 4a2 2 0 1 0 .01 0" },
};

const FALLBACK_BACKGROUNDS = ["#e2e8f0", "#ccfbf1", "#fef9c3", "#cffafe", "#f3e8ff"];
const FALLBACK_ICON = "M4 7l8-4 8 4v10l-8 4-8-4zM4 7l8 4 8-4M12 11v10";

function hash(text: string): number {
  let x = 0;
  for (let i = 0; i < text.length; i++) {
    x = (x * 31 + text.charCodeAt(i)) | 0;
  }
  return Math.abs(x);
}

export function lookOf(category: string | undefined): Look {
  const root = (category ?? "").split(" > ")[0] ?? "";
  return LOOKS[root] ?? {
    background: FALLBACK_BACKGROUNDS[hash(root) % FALLBACK_BACKGROUNDS.length]!,
    ink: "#334155",
    icon: FALLBACK_ICON,
  };
}

/** A picture for an item of {@code category}: the root's colour and icon, the leaf's name underneath. */
export function placeholder(category: string | undefined, size: "card" | "large" = "card"): SVGSVGElement {
  const look = lookOf(category);
  const leaf = (category ?? "").split(" > ").pop() ?? "";
  const picture = svg("svg", {
    viewBox: "0 0 160 120",
    class: `placeholder placeholder-${size}`,
    role: "img",
    "aria-label": category ? `Picture: ${category}` : "Picture",
  },
  svg("rect", { width: 160, height: 120, fill: look.background }),
  svg("g", { transform: "translate(56 18) scale(2)", fill: "none", stroke: look.ink, "stroke-width": 1.5,
    "stroke-linecap": "round", "stroke-linejoin": "round" }, svg("path", { d: look.icon })),
  svg("text", { x: 80, y: 106, "text-anchor": "middle", fill: look.ink, "font-size": 11,
    "font-family": "system-ui, sans-serif" }, leaf));
  return picture;
}
