// Passkey forms (components::passkey; why a module and not an island: docs/decisions.md).
// Each form.passkey-form names its ceremony (data-ceremony): the server starts it
// (/api/start_<ceremony>), the browser asks the authenticator, the server finishes it
// (/api/finish_<ceremony>). The server's options and the browser's answer carry their bytes
// as unpadded base64url, the passkey library's JSON form.

const toBytes = (text) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toText = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// What the server's refusals say (api::AppError as JSON), as message ids.
const ERRORS = {
  NotFound: 'error-not-found',
  SignInNeeded: 'error-sign-in-needed',
  Forbidden: 'error-forbidden',
  Internal: 'error-internal',
};
const refusal = (answer) =>
  (typeof answer === 'string' ? ERRORS[answer] : answer?.Invalid) ?? 'error-passkey-failed';

/** Calls a server function; throws a message id when it cannot or refuses. */
const call = async (endpoint, body) => {
  const json = body !== undefined;
  let response;
  try {
    response = await fetch(`/api/${endpoint}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      body: json ? JSON.stringify(body) : '',
    });
  } catch {
    throw 'error-network';
  }
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw refusal(answer);
  return answer;
};

/** The browser's refusal, as a message id: a cancelled prompt is the common case. */
const browserRefusal = (error) => {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'error-passkey-cancelled';
    case 'NotSupportedError':
    case 'SecurityError':
      return 'error-passkey-unsupported';
    default:
      return 'error-passkey-failed';
  }
};

const withBytes = (credentials) =>
  credentials?.map((credential) => ({ ...credential, id: toBytes(credential.id) }));

const ask = async (how, publicKey) => {
  if (!window.PublicKeyCredential || !navigator.credentials) throw 'error-passkey-unsupported';
  let credential;
  try {
    credential = await navigator.credentials[how]({ publicKey });
  } catch (error) {
    throw browserRefusal(error);
  }
  if (!credential) throw 'error-passkey-failed';
  const { response } = credential;
  const answer = {
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
    response: { clientDataJSON: toText(response.clientDataJSON) },
  };
  if (how === 'create') {
    answer.response.attestationObject = toText(response.attestationObject);
    answer.response.transports = response.getTransports?.() ?? null;
  } else {
    answer.response.authenticatorData = toText(response.authenticatorData);
    answer.response.signature = toText(response.signature);
    answer.response.userHandle = response.userHandle ? toText(response.userHandle) : null;
  }
  return answer;
};

// Absent options come as null, which the browser would read as a value: they are dropped.
const withoutNulls = (options) =>
  JSON.parse(JSON.stringify(options, (_, value) => (value === null ? undefined : value)));

const create = (options) => {
  const publicKey = withoutNulls(options.publicKey);
  return ask('create', {
    ...publicKey,
    challenge: toBytes(publicKey.challenge),
    user: { ...publicKey.user, id: toBytes(publicKey.user.id) },
    excludeCredentials: withBytes(publicKey.excludeCredentials),
  });
};

const get = (options) => {
  const publicKey = withoutNulls(options.publicKey);
  return ask('get', {
    ...publicKey,
    challenge: toBytes(publicKey.challenge),
    allowCredentials: withBytes(publicKey.allowCredentials),
  });
};

/** Runs the form's ceremony; returns what the server finished it with. */
const run = async (form) => {
  const ceremony = form.dataset.ceremony;
  const started = ceremony === 'sign_up'
    ? await call('start_sign_up', {
      token: form.dataset.token,
      display_name: new FormData(form).get('display_name') ?? '',
    })
    : await call(`start_${ceremony}`);
  const answer = ['sign_up', 'add_passkey', 'member_passkey'].includes(ceremony)
    ? await create(started.options)
    : await get(started.options);
  return call(`finish_${ceremony}`, { ceremony: started.ceremony, credential: answer });
};

/** After a sign-up the form gives way to the recovery codes, shown this once. */
const showCodes = (form, codes) => {
  const frame = form.parentElement.querySelector('template.recovery-codes-template');
  const section = frame.content.firstElementChild.cloneNode(true);
  const list = section.querySelector('ul.codes');
  for (const code of codes) {
    const item = document.createElement('li');
    item.append(document.createElement('code'));
    item.firstChild.textContent = code;
    list.append(item);
  }
  form.hidden = true;
  form.after(section);
  section.querySelector('h2').focus();
};

for (const form of document.querySelectorAll('form.passkey-form:not([data-ready])')) {
  form.dataset.ready = 'true';
  const messages = JSON.parse(form.dataset.messages);
  const status = form.querySelector('.passkey-status');
  const say = (id) => {
    const line = document.createElement('p');
    line.className = id === 'passkey-waiting' ? 'notice' : 'notice notice-error';
    line.textContent = messages[id] ?? messages['error-passkey-failed'];
    status.replaceChildren(line);
  };
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    say('passkey-waiting');
    try {
      const finished = await run(form);
      const then = form.dataset.then;
      if (then === 'reload') window.location.reload();
      else if (then) window.location.assign(then);
      else {
        status.replaceChildren();
        showCodes(form, finished.recovery_codes);
      }
    } catch (id) {
      say(typeof id === 'string' ? id : browserRefusal(id));
    } finally {
      busy = false;
    }
  });
}
