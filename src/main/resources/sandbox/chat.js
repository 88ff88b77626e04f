// The sandbox web chat: reads the fake Telegram through /sandbox/api and acts as its users.
// Text is never parsed as HTML: messages are built as DOM nodes from text plus Telegram entities.
'use strict';

const API = '/sandbox/api';
const LANGUAGES = ['en', 'zh-hans', 'zh-hant', 'de', 'es', 'fr', 'ru', 'uk'];
const SAFE_LINK = /^(https?:|tg:|mailto:)/i;

const ui = {
  chats: document.getElementById('chats'),
  messages: document.getElementById('messages'),
  title: document.getElementById('chat-title'),
  subtitle: document.getElementById('chat-subtitle'),
  avatar: document.getElementById('chat-avatar'),
  composer: document.getElementById('composer'),
  text: document.getElementById('text'),
  sender: document.getElementById('sender'),
  senderLabel: document.getElementById('sender-label'),
  clockNow: document.getElementById('clock-now'),
  clockSkipped: document.getElementById('clock-skipped'),
  toasts: document.getElementById('toasts'),
};

const state = {
  users: [],          // [{id, name, language}]
  chats: [],          // [{id, type, title, members}]
  chatId: null,
  sender: null,       // the user who types and presses in the current chat
  version: -1,        // the fake's version the shown chat reflects
  rendered: new Map(),// message id -> {key, node}
  pending: new Map(), // callback query id -> the pressed button element
  clock: { now: 0, at: 0, skipped: 0 },
  loadSeq: 0,
};

// ---- talking to the server -----------------------------------------------------------------

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  };
  const response = await fetch(API + path, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(json.error || ('HTTP ' + response.status));
  }
  return json;
}

function user(id) {
  return state.users.find(u => u.id === id);
}

function currentChat() {
  return state.chats.find(c => c.id === state.chatId);
}

// ---- the sidebar -----------------------------------------------------------------------------

function avatar(chat) {
  const el = document.createElement('div');
  el.className = 'avatar ' + (chat.type === 'group' ? 'group' : 'u' + chat.id);
  el.textContent = chat.title.charAt(0);
  return el;
}

function renderChatList() {
  ui.chats.replaceChildren();
  for (const chat of state.chats) {
    const item = document.createElement('div');
    item.className = 'chat-item' + (chat.id === state.chatId ? ' active' : '');
    item.dataset.chatId = chat.id;
    item.id = 'chat-' + (chat.type === 'group' ? 'group' : chat.title.toLowerCase());
    item.setAttribute('role', 'button');
    item.tabIndex = 0;
    item.addEventListener('click', () => selectChat(chat.id));
    const body = document.createElement('div');
    body.className = 'chat-item-body';
    const name = document.createElement('div');
    name.className = 'chat-item-name';
    name.textContent = chat.type === 'group' ? chat.title : chat.title + ' ↔ bot';
    const sub = document.createElement('div');
    sub.className = 'chat-item-sub';
    sub.textContent = chat.type === 'group'
      ? 'group · ' + chat.members.map(id => user(id)?.name).join(', ') + ', bot'
      : 'private chat';
    body.append(name, sub);
    item.append(avatar(chat), body);
    if (chat.type === 'private') {
      item.append(languageSelect(user(chat.id)));
    }
    ui.chats.append(item);
  }
}

function languageSelect(u) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', u.name + "'s Telegram language");
  select.title = u.name + "'s Telegram language (language_code), as the bot sees it";
  select.className = 'language';
  const codes = LANGUAGES.includes(u.language) ? LANGUAGES : [u.language, ...LANGUAGES];
  for (const code of codes) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = code;
    option.selected = code === u.language;
    select.append(option);
  }
  select.addEventListener('click', e => e.stopPropagation());
  select.addEventListener('change', async () => {
    try {
      const changed = await api('/users/' + u.id + '/language', { language: select.value });
      u.language = changed.language;
      toast(u.name + "'s Telegram language is now " + changed.language + '; the bot sees it with the next message.');
    } catch (e) {
      toast(e.message, 'error');
      select.value = u.language;
    }
  });
  return select;
}

// ---- choosing a chat -------------------------------------------------------------------------

function selectChat(chatId) {
  if (chatId === state.chatId) {
    return;
  }
  state.chatId = chatId;
  const chat = currentChat();
  state.sender = chat.type === 'group' && state.sender && chat.members.includes(state.sender)
    ? state.sender : chat.members[0];
  state.rendered.clear();
  state.version = -1;
  ui.messages.replaceChildren();
  ui.title.textContent = chat.type === 'group' ? chat.title : 'CycleBreaker Sandbox';
  ui.subtitle.textContent = chat.type === 'group'
    ? chat.members.length + ' members and the bot · typing calls the group message API'
    : 'bot · you are ' + chat.title;
  ui.avatar.replaceWith(ui.avatar = chat.type === 'group' ? avatar(chat) : botAvatar());
  ui.senderLabel.hidden = chat.type !== 'group';
  ui.sender.replaceChildren(...chat.members.map(id => {
    const option = document.createElement('option');
    option.value = id;
    option.textContent = user(id).name;
    option.selected = id === state.sender;
    return option;
  }));
  renderChatList();
  load();
  ui.text.focus();
}

function botAvatar() {
  const el = document.createElement('div');
  el.className = 'avatar';
  el.id = 'chat-avatar';
  el.textContent = 'C';
  return el;
}

// ---- reading and showing a chat ----------------------------------------------------------------

async function load() {
  const seq = ++state.loadSeq;
  const chatId = state.chatId;
  try {
    const chat = await api('/chats/' + chatId);
    if (seq !== state.loadSeq || chatId !== state.chatId) {
      return; // a newer load, or another chat, took over
    }
    state.version = chat.version;
    setClock(chat.now, state.clock.skipped);
    renderMessages(chat.messages);
    showAnswers(chat.answers);
  } catch (e) {
    toast(e.message, 'error');
  }
}

function renderMessages(messages) {
  const box = ui.messages;
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80 || state.rendered.size === 0;
  const seen = new Set();
  let previous = null;
  for (const m of messages) {
    seen.add(m.id);
    const key = m.editCount + '|' + (m.fromBot ? 'b' : m.fromId === state.sender ? 'o' : 'i');
    let entry = state.rendered.get(m.id);
    if (!entry || entry.key !== key) {
      const node = messageNode(m);
      if (entry) {
        entry.node.replaceWith(node); // an edit: same place, new content
      } else if (previous) {
        previous.after(node);
      } else {
        box.prepend(node);
      }
      entry = { key, node };
      state.rendered.set(m.id, entry);
    }
    previous = entry.node;
  }
  for (const [id, entry] of state.rendered) {
    if (!seen.has(id)) {
      entry.node.remove();
      state.rendered.delete(id);
    }
  }
  box.querySelector('.empty')?.remove();
  if (messages.length === 0) {
    const empty = document.createElement('div');
    empty.className = 'empty';
    empty.textContent = currentChat().type === 'group' ? 'No messages here yet.' : 'No messages yet: send /start';
    box.append(empty);
  }
  if (atBottom) {
    box.scrollTop = box.scrollHeight;
  }
}

function messageNode(m) {
  const chat = currentChat();
  const mine = !m.fromBot && m.fromId === state.sender;
  const row = document.createElement('div');
  row.className = 'row ' + (mine ? 'out' : 'in') + (m.fromBot ? ' bot' : '');
  row.dataset.messageId = m.id;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (chat.type === 'group' && !mine) {
    const sender = document.createElement('div');
    sender.className = 'sender';
    sender.textContent = m.fromName;
    bubble.append(sender);
  }
  if (m.photo) {
    const img = document.createElement('img');
    img.className = 'photo';
    img.src = m.photo;
    img.alt = 'photo';
    img.addEventListener('load', () => { ui.messages.scrollTop = ui.messages.scrollHeight; }, { once: true });
    bubble.append(img);
  }
  const text = document.createElement('div');
  text.className = 'text';
  if (m.text) {
    text.append(renderText(m.text, m.entities || []));
  } else if (m.kind !== 'text' && m.kind !== 'photo') {
    text.textContent = '[' + m.kind + ']';
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = (m.editCount > 0 ? 'edited ' : '') + hhmm(m.date);
  text.append(meta);
  bubble.append(text);
  row.append(bubble);
  if (m.keyboard && m.keyboard.length > 0) {
    row.append(keyboard(m));
  }
  return row;
}

// ---- Telegram entities to DOM ------------------------------------------------------------------

function renderText(text, entities) {
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  build(fragment, text, sorted, 0, text.length);
  return fragment;
}

/** Appends text[start, end) to parent, wrapping each entity (and the ones nested in it) in an element. */
function build(parent, text, entities, start, end) {
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const e = entities[i];
    const from = Math.max(e.offset, pos);
    const to = Math.min(e.offset + e.length, end);
    let j = i + 1;
    while (j < entities.length && entities[j].offset < to) {
      j++;
    }
    if (from < to) {
      if (from > pos) {
        parent.append(text.slice(pos, from));
      }
      const [outer, inner] = element(e, text.slice(from, to));
      build(inner, text, entities.slice(i + 1, j), from, to);
      parent.append(outer);
      pos = to;
    }
    i = j;
  }
  if (pos < end) {
    parent.append(text.slice(pos, end));
  }
}

/** The element for one entity: [the node to insert, the node its text goes into]. */
function element(e, content) {
  const make = tag => { const el = document.createElement(tag); return [el, el]; };
  switch (e.type) {
    case 'bold': return make('b');
    case 'italic': return make('i');
    case 'underline': return make('u');
    case 'strikethrough': return make('s');
    case 'code': return make('code');
    case 'pre': {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      if (e.language) {
        code.dataset.language = e.language;
      }
      pre.append(code);
      return [pre, code];
    }
    case 'blockquote': return make('blockquote');
    case 'expandable_blockquote': {
      const [quote] = make('blockquote');
      quote.className = 'collapsed';
      quote.addEventListener('click', () => quote.classList.toggle('collapsed'));
      return [quote, quote];
    }
    case 'spoiler': {
      const [span] = make('span');
      span.className = 'spoiler';
      span.addEventListener('click', () => span.classList.add('revealed'));
      return [span, span];
    }
    case 'text_link':
    case 'url': {
      const href = e.type === 'url' ? (SAFE_LINK.test(content) ? content : 'https://' + content) : e.url;
      if (!href || !SAFE_LINK.test(href)) {
        return make('span');
      }
      const [a] = make('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.title = href;
      return [a, a];
    }
    case 'bot_command': {
      const [span] = make('span');
      span.className = 'command';
      span.title = 'send ' + content;
      span.addEventListener('click', () => send(content));
      return [span, span];
    }
    case 'date_time': {
      const [time] = make('time');
      if (e.unixTime != null) {
        const date = new Date(e.unixTime * 1000);
        time.dateTime = date.toISOString();
        time.title = date.toLocaleString();
      }
      return [time, time];
    }
    case 'mention':
    case 'hashtag':
    case 'cashtag':
    case 'email':
    case 'phone_number': {
      const [span] = make('span');
      span.className = 'link';
      return [span, span];
    }
    default: return make('span');
  }
}

// ---- inline keyboards ----------------------------------------------------------------------------

function keyboard(m) {
  const box = document.createElement('div');
  box.className = 'keyboard';
  for (const row of m.keyboard) {
    const line = document.createElement('div');
    line.className = 'kb-row';
    for (const b of row) {
      line.append(button(m, b));
    }
    box.append(line);
  }
  return box;
}

function button(m, b) {
  if (b.action === 'url' && SAFE_LINK.test(b.value)) {
    const a = document.createElement('a');
    a.className = 'kb';
    a.href = b.value;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.dataset.action = b.action;
    a.textContent = b.text;
    return a;
  }
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'kb';
  el.dataset.action = b.action;
  el.dataset.value = b.value;
  el.textContent = b.text;
  el.addEventListener('click', () => {
    if (b.action === 'callback_data') {
      press(m.id, b.value, el);
    } else if (b.action === 'copy_text') {
      copy(b.value);
    } else {
      toast('The sandbox does not do ' + b.action + ' buttons yet.');
    }
  });
  return el;
}

async function press(messageId, data, el) {
  el.classList.add('busy');
  try {
    const pressed = await api('/chats/' + state.chatId + '/press', { userId: state.sender, messageId, data });
    state.pending.set(pressed.callbackQueryId, el);
  } catch (e) {
    el.classList.remove('busy');
    toast(e.message, 'error');
  }
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // no clipboard permission (e.g. an automated browser): the old way
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  toast('Copied to clipboard: ' + text);
}

/** Callback answers to our own presses: a toast (or an alert that waits for OK), like Telegram. */
function showAnswers(answers) {
  for (const a of answers) {
    const el = state.pending.get(a.id);
    if (el === undefined) {
      continue;
    }
    state.pending.delete(a.id);
    el.classList.remove('busy');
    if (a.text) {
      toast(a.text, a.alert ? 'alert' : '');
    }
  }
}

// ---- sending -------------------------------------------------------------------------------------

async function send(text) {
  try {
    await api('/chats/' + state.chatId + '/send', { userId: state.sender, text });
    return true;
  } catch (e) {
    toast(e.message, 'error');
    return false;
  }
}

ui.composer.addEventListener('submit', async event => {
  event.preventDefault();
  const text = ui.text.value;
  if (text.trim() === '') {
    return;
  }
  if (await send(text)) {
    ui.text.value = '';
  }
});

ui.sender.addEventListener('change', () => {
  state.sender = Number(ui.sender.value);
  state.rendered.clear();
  ui.messages.replaceChildren();
  load();
});

// ---- the clock -----------------------------------------------------------------------------------

function setClock(now, skipped) {
  state.clock = { now, at: Date.now(), skipped };
  tick();
}

function tick() {
  if (!state.clock.now) {
    return;
  }
  const now = new Date(state.clock.now + (Date.now() - state.clock.at));
  ui.clockNow.textContent = now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const minutes = Math.floor(state.clock.skipped / 60);
  ui.clockSkipped.textContent = minutes === 0 ? 'real time'
    : 'skipped ahead ' + (minutes >= 60 ? Math.floor(minutes / 60) + ' h ' : '') + (minutes % 60) + ' min';
}

for (const b of document.querySelectorAll('.clock-buttons button')) {
  b.addEventListener('click', async () => {
    try {
      const clock = await api('/clock/advance', { minutes: Number(b.dataset.minutes) });
      setClock(clock.now, clock.skippedSeconds);
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

function hhmm(millis) {
  return new Date(millis).toISOString().slice(11, 16);
}

// ---- toasts --------------------------------------------------------------------------------------

function toast(text, kind) {
  const el = document.createElement('div');
  el.className = 'toast' + (kind ? ' ' + kind : '');
  el.textContent = text;
  if (kind === 'alert') {
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.textContent = 'OK';
    ok.addEventListener('click', () => el.remove());
    el.append(ok);
  } else {
    setTimeout(() => el.remove(), kind === 'error' ? 5000 : 2500);
  }
  ui.toasts.append(el);
}

// ---- watching for changes (long poll) ------------------------------------------------------------

async function watch() {
  for (;;) {
    try {
      const change = await api('/changes?since=' + state.version);
      if (change.version !== state.version) {
        await load();
      }
    } catch (e) {
      await new Promise(resolve => setTimeout(resolve, 2000)); // the app restarts, or is gone
    }
  }
}

async function start() {
  const s = await api('/state');
  state.users = s.users;
  state.chats = s.chats;
  setClock(s.now, s.skippedSeconds);
  setInterval(tick, 1000);
  selectChat(s.chats[0].id);
  watch();
}

start().catch(e => toast('The sandbox is not answering: ' + e.message, 'error'));
