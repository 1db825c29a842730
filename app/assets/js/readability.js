// Readability while writing (components::FormField with `measured`): after a pause in typing,
// the server measures the text — the same measure as the "check readability" button, which
// keeps working without JavaScript — and the sentence under the field is replaced. That line
// is not a live region, so a screen reader is not interrupted at every pause; it is part of
// the field's description, read when the field is reached.
const PAUSE_MS = 700;

for (const field of document.querySelectorAll('[data-measure]')) {
  const said = document.getElementById(field.dataset.measure);
  if (!said) continue;
  let timer;
  let asked = 0;
  const measure = async () => {
    const ask = ++asked;
    if (!field.value.trim()) {
      said.hidden = true;
      return;
    }
    try {
      const response = await fetch('/api/measure_readability', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ text: field.value }),
      });
      // A later measure may already be on its way: only the last one is written.
      if (!response.ok || ask !== asked) return;
      said.textContent = await response.json();
      said.hidden = false;
    } catch {
      // Offline: the line keeps its last measure, and the button still works.
    }
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(measure, PAUSE_MS);
  });
}
