import { useState, type FormEvent } from 'react';
import { endpoints } from '../api/endpoints';
import { describeError } from '../lib/errorMessages';
import { navigate } from '../app/router';
import { Link } from '../ui/Link';
import { setSignedIn } from './auth';

/** Sign in and sign up share one form; sign up also asks for a name. */
export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const isSignUp = mode === 'signup';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = isSignUp
        ? await endpoints.signUp(name, email, password)
        : await endpoints.signIn(email, password);
      setSignedIn(user);
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (caught) {
      setError(describeError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main">
      <form className="auth-card" onSubmit={submit} data-testid={`${mode}-form`}>
        <h1>{isSignUp ? 'Create your Trailmap account' : 'Sign in to Trailmap'}</h1>
        {isSignUp && (
          <label>
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
              required
              maxLength={200}
              data-testid="auth-name"
            />
          </label>
        )}
        <label>
          Email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
            data-testid="auth-email"
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={isSignUp ? 'new-password' : 'current-password'}
            minLength={isSignUp ? 8 : 1}
            required
            data-testid="auth-password"
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={isBusy} data-testid="auth-submit">
          {isSignUp ? 'Sign up' : 'Sign in'}
        </button>
        <p>
          {isSignUp ? 'Already have an account? ' : 'New here? '}
          <Link href={isSignUp ? '/signin' : '/signup'}>{isSignUp ? 'Sign in' : 'Create an account'}</Link>
          {' · '}
          <Link href="/sandbox">Try the sandbox</Link>
        </p>
      </form>
    </main>
  );
}
