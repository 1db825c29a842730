// "Listen" buttons (components::read_aloud; why, in docs/decisions.md): shown only where the
// browser can speak; each reads its texts in their own language, and stops when pressed again.
// Lists drawn by an island get copies of a server-rendered button (template.read-aloud-each),
// at each item's end, since the island's hydration walks an item's first children.
// Every phone downloads this file: comments stay short.

const synth = window.speechSynthesis;
const canSpeak = synth && typeof window.SpeechSynthesisUtterance === 'function';
let speaking = null;
// A cancelled utterance still ends a moment later: it must not stop the next one.
let spokenText = null;
let current = null;
let copies = 0;

const label = (button, reading) => {
  button.querySelector('.read-aloud-label').textContent =
    reading ? button.dataset.stopLabel : button.dataset.listenLabel;
};

/** The texts a button names, in order (a title, then its body), and what they say. */
const targetsOf = (button) => button.dataset.read.split(' ')
  .map((id) => document.getElementById(id)).filter(Boolean);
const textOf = (targets) => targets.map((el) => el.innerText.trim()).join('.\n');

const stop = () => {
  if (speaking) label(speaking, false);
  speaking = null;
  spokenText = null;
  current = null;
  synth.cancel();
};

/** Shows a button; a copy redrawn while its text is read takes over the reading. */
const show = (button) => {
  button.hidden = false;
  if (speaking && !speaking.isConnected && textOf(targetsOf(button)) === spokenText) {
    speaking = button;
    label(button, true);
  }
};

const read = (button) => {
  const targets = targetsOf(button);
  const wasThis = speaking === button;
  stop();
  if (wasThis || !targets.length) return;
  const text = textOf(targets);
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = targets[0].closest('[lang]')?.lang || document.documentElement.lang;
  utterance.onend = () => { if (current === utterance) stop(); };
  utterance.onerror = utterance.onend;
  speaking = button;
  spokenText = text;
  current = utterance;
  label(button, true);
  synth.speak(utterance);
};

/** Gives each text of an island's list its copy of the button, once. */
const equip = () => {
  for (const template of document.querySelectorAll('template.read-aloud-each')) {
    for (const text of document.querySelectorAll(template.dataset.texts)) {
      const item = text.parentElement;
      if (item.querySelector(':scope > button.read-aloud')) continue;
      if (!text.id) text.id = `read-aloud-text-${copies += 1}`;
      const button = template.content.querySelector('button.read-aloud').cloneNode(true);
      button.dataset.read = text.id;
      button.querySelector('.read-aloud-about').textContent = text.textContent.trim();
      item.append(button);
      show(button);
    }
  }
};

if (canSpeak) {
  document.querySelectorAll('button.read-aloud').forEach(show);
  equip();
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button.read-aloud');
    if (button) read(button);
  });
  if (document.querySelector('template.read-aloud-each')) {
    new MutationObserver(equip).observe(document.body, { childList: true, subtree: true });
  }
  window.addEventListener('pagehide', stop);
}
