import { usePasswordMinLength } from '../../api/password-rule';
import { TextField } from '../../components/field';

/** Name, email and a new password: the fields of first-run setup and of signing up. */
export function AccountFields() {
  const minLength = usePasswordMinLength();
  return (
    <>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus />
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={minLength}
        required
        hint={`At least ${minLength} characters.`}
      />
    </>
  );
}
