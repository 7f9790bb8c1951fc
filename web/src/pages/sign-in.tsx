import { useState } from 'preact/hooks';
import { signIn } from '../api/session';
import { field } from '../format';

export function SignIn() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(await signIn(field(form, 'email'), field(form, 'password')));
    setBusy(false);
  };
  return (
    <main class="narrow">
      <h1>GPMB CRM</h1>
      <p>Đăng nhập để làm việc với các hộ dân của phường.</p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={error ? 'sign-in-error' : undefined}>
        <label>
          Thư điện tử
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error && (
          <p id="sign-in-error" role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Đăng nhập
        </button>
      </form>
    </main>
  );
}
