// One colour per PLOVER type, grouped by quad class: blues and greens cooperate, oranges and reds conflict.

export const TYPE_ORDER = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
  "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN",
  "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

export const TYPE_COLORS = {
  AGREE: "#1f4e8c", CONSULT: "#3a78d6", SUPPORT: "#6aa6e8", CONCEDE: "#8fb8de",
  COOPERATE: "#1b7a3a", AID: "#3fa34d", RETREAT: "#86c77b",
  REQUEST: "#c9a100", ACCUSE: "#e08a00", REJECT: "#c76a1a", THREATEN: "#e25822",
  PROTEST: "#b2182b", SANCTION: "#8c1d40", MOBILIZE: "#6a3d9a", COERCE: "#a6215b", ASSAULT: "#5c0a0a",
};

export const QUAD_ORDER = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
export const QUAD_COLORS = {
  verbal_cooperation: "#3a78d6",
  material_cooperation: "#2e7d32",
  verbal_conflict: "#e08a00",
  material_conflict: "#c62828",
};
export const QUAD_LABELS = {
  verbal_cooperation: "verbal cooperation",
  material_cooperation: "material cooperation",
  verbal_conflict: "verbal conflict",
  material_conflict: "material conflict",
};

export function typeColor(type) {
  return TYPE_COLORS[type] || "#777";
}

export function balanceClass(balance) {
  if (balance > 0.2) return "coop";
  if (balance < -0.2) return "conflict";
  return "mixed";
}

// A colour between conflict red (-1), mixed grey (0) and cooperation green (+1).
export function balanceColor(balance) {
  const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
  const red = [198, 40, 40];
  const grey = [158, 158, 158];
  const green = [46, 125, 50];
  const b = Math.max(-1, Math.min(1, Number(balance) || 0));
  const [r, g, bl] = b < 0 ? mix(grey, red, -b) : mix(grey, green, b);
  return `rgb(${r}, ${g}, ${bl})`;
}
