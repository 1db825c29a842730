// The testimony form's recorder (docs/testimony.md). The form already takes a sound file
// without any script (phones offer their own recorder for it); this adds a record / stop
// pair of buttons where the browser can record, lets the person listen back, and puts the
// recording into that same file field, so the form sends it as if it had been chosen.
// Nothing leaves the browser before the person presses the form's send button.
// Its words come translated in the box's data- attributes.

const box = document.getElementById('testimony-recorder');
const field = document.getElementById('testimony-audio');
const canRecord =
  box && field && window.MediaRecorder && window.DataTransfer &&
  navigator.mediaDevices && navigator.mediaDevices.getUserMedia;

if (canRecord) {
  const start = box.querySelector('[data-record="start"]');
  const stop = box.querySelector('[data-record="stop"]');
  const status = box.querySelector('[role="status"]');
  const player = box.querySelector('audio');
  const maxSeconds = Number(box.dataset.maxSeconds) || 180;
  let recorder = null;
  let timer = null;

  // The first type this browser records in that the server takes.
  const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm']
    .find((t) => MediaRecorder.isTypeSupported(t)) || '';

  const say = (text) => { status.textContent = text; };

  start.addEventListener('click', async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (_) {
      say(box.dataset.denied);
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    recorder.addEventListener('stop', () => {
      clearTimeout(timer);
      stream.getTracks().forEach((track) => track.stop());
      const mime = recorder.mimeType || type || 'audio/webm';
      const extension = mime.includes('mp4') ? 'm4a' : mime.includes('ogg') ? 'ogg' : 'webm';
      const file = new File(chunks, `message.${extension}`, { type: mime.split(';')[0] });
      const files = new DataTransfer();
      files.items.add(file);
      field.files = files.files;
      if (player.src) URL.revokeObjectURL(player.src);
      player.src = URL.createObjectURL(file);
      player.hidden = false;
      stop.hidden = true;
      start.hidden = false;
      start.textContent = box.dataset.again;
      say(box.dataset.recorded);
      start.focus();
    });
    recorder.start();
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
    say(box.dataset.recording);
    // A message is short: the recording stops by itself at the limit.
    timer = setTimeout(() => recorder.state === 'recording' && recorder.stop(), maxSeconds * 1000);
  });

  stop.addEventListener('click', () => {
    if (recorder && recorder.state === 'recording') recorder.stop();
  });

  box.hidden = false;
}
