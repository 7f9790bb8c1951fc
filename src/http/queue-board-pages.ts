import { SIGN_IN_PATH, SIGN_OUT_PATH } from './queue-board-paths.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1.2rem;padding:.6rem 1.2rem}.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Hàng đợi công việc GPMB</title><style>${STYLE}</style></head>
<body><h1>Hàng đợi công việc</h1>${body}</body></html>`;
}

/** The sign-in form: a password posted to the server, so no token ever travels in a URL. */
export function signInPage(message?: string): string {
  return page(
    'Đăng nhập',
    `<p>Chỉ dành cho quản trị viên.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form>`,
  );
}

/** Signing out changes state, so it is a POST (the board's menu can only link to a page). */
export function signOutPage(): string {
  return page(
    'Đăng xuất',
    `<form method="post" action="${SIGN_OUT_PATH}"><p>Kết thúc phiên làm việc trên bảng hàng đợi?</p>
<button type="submit">Đăng xuất</button></form>`,
  );
}
