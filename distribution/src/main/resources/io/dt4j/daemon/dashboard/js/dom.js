// Small DOM builders shared by the views; elements are created with text, never from HTML strings,
// so nothing the daemon sends is ever parsed as markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child != null) node.append(child);
  }
  return node;
}

/** Sets a text only when it changed (cheap enough to call on every update). */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Runs `flush` once in the next animation frame, however often it is asked for. */
export function frameBatcher(flush) {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      flush();
    });
  };
}
