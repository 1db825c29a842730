// "Listen" buttons (components::ReadAloud, ReadAloudEach): each reads one text aloud with the
// browser's own speech synthesis, in that text's language (a French finding stays French in
// the English interface). The buttons are rendered hidden and shown here only where the
// browser can speak, so nobody meets a button that does nothing. Pressing it again, or
// another one, stops the reading. Nothing is sent anywhere: the voice is the device's.
//
// A list drawn by an island (the live questions) gets its buttons here, copied from a
// template the server rendered (`template.read-aloud-each`), at the end of each item: the
// end, because the island's hydration walks the items' first children. The island draws an
// item again when a question arrives or its count changes, so the copies are made again as
// items arrive, clicks are heard on the document, and a button drawn again while its text
// is read keeps saying "Stop".

const synth = window.speechSynthesis;
const canSpeak = synth && typeof window.SpeechSynthesisUtterance === 'function';
let speaking = null;
// What is being read, and the utterance reading it: a cancelled utterance still ends a
// moment later, and must not stop the next one.
let spokenText = null;
let current = null;
let copies = 0;

const label = (button, reading) => {
  button.querySelector('.read-aloud-label').textContent =
    reading ? button.dataset.stopLabel : button.dataset.listenLabel;
};

/** The texts named by a button, in order (a title, then its body), and what they say. */
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

/** Shows a button; if it stands for the text being read, it takes over the reading's state. */
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

/** Gives every text of an island's list its copy of the button, once. */
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
  // Leaving the page ends the reading.
  window.addEventListener('pagehide', stop);
}
