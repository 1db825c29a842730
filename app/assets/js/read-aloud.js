// "Listen" buttons (components::ReadAloud, ListenButton): each reads one text aloud with the
// browser's own speech synthesis, in that text's language (a French finding stays French in
// the English interface). The buttons are rendered hidden and shown here only where the
// browser can speak, so nobody meets a button that does nothing. Pressing it again, or
// another one, stops the reading. Nothing is sent anywhere: the voice is the device's.
//
// The live questions are drawn again by their island when a question arrives or its count
// changes, so clicks are heard on the document, and buttons added later are shown as they
// arrive; a button drawn again while its text is being read keeps saying "Stop".

const synth = window.speechSynthesis;
const canSpeak = synth && typeof window.SpeechSynthesisUtterance === 'function';
let speaking = null;
// The utterance under way: a cancelled one still ends later, and must not stop the next.
let current = null;

const label = (button, reading) => {
  button.querySelector('.read-aloud-label').textContent =
    reading ? button.dataset.stopLabel : button.dataset.listenLabel;
};

const stop = () => {
  if (speaking) label(speaking, false);
  speaking = null;
  current = null;
  synth.cancel();
};

/** Shows a button; if it replaces the one that is reading, it takes over its state. */
const show = (button) => {
  button.hidden = false;
  if (speaking && !speaking.isConnected && speaking.dataset.read === button.dataset.read) {
    speaking = button;
    label(button, true);
  }
};

const read = (button) => {
  // The texts named by the button, in order (a title, then its body).
  const targets = button.dataset.read.split(' ')
    .map((id) => document.getElementById(id)).filter(Boolean);
  const wasThis = speaking && speaking.dataset.read === button.dataset.read;
  stop();
  if (wasThis || !targets.length) return;
  const text = targets.map((el) => el.innerText.trim()).join('.\n');
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = targets[0].closest('[lang]')?.lang || document.documentElement.lang;
  utterance.onend = () => { if (current === utterance) stop(); };
  utterance.onerror = utterance.onend;
  speaking = button;
  current = utterance;
  label(button, true);
  synth.speak(utterance);
};

if (canSpeak) {
  document.querySelectorAll('button.read-aloud').forEach(show);
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button.read-aloud');
    if (button) read(button);
  });
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches('button.read-aloud')) show(node);
        node.querySelectorAll('button.read-aloud').forEach(show);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  // Leaving the page ends the reading.
  window.addEventListener('pagehide', stop);
}
