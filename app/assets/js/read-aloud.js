// "Listen" buttons (components::ReadAloud): each reads one text aloud with the browser's own
// speech synthesis, in that text's language (a French finding stays French in the English
// interface). The buttons are rendered hidden and shown here only where the browser can
// speak, so nobody meets a button that does nothing. Pressing it again, or another one,
// stops the reading. Nothing is sent anywhere: the voice is the device's.

const synth = window.speechSynthesis;
const canSpeak = synth && typeof window.SpeechSynthesisUtterance === 'function';
const buttons = [...document.querySelectorAll('button.read-aloud')];
let speaking = null;

const label = (button, reading) => {
  button.querySelector('.read-aloud-label').textContent =
    reading ? button.dataset.stopLabel : button.dataset.listenLabel;
};

const stop = () => {
  if (speaking) label(speaking, false);
  speaking = null;
  synth.cancel();
};

if (canSpeak) {
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      // The texts named by the button, in order (a title, then its body).
      const targets = button.dataset.read.split(' ')
        .map((id) => document.getElementById(id)).filter(Boolean);
      const wasThis = speaking === button;
      stop();
      if (wasThis || !targets.length) return;
      const text = targets.map((el) => el.innerText.trim()).join('.\n');
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = targets[0].closest('[lang]')?.lang || document.documentElement.lang;
      utterance.onend = () => { if (speaking === button) stop(); };
      utterance.onerror = utterance.onend;
      speaking = button;
      label(button, true);
      synth.speak(utterance);
    });
  }
  // Leaving the page ends the reading.
  window.addEventListener('pagehide', stop);
}
