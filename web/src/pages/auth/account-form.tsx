import { TextField } from '../../components/field';

/** Name, email and a new password: the fields of first-run setup and of signing up. */
export function AccountFields() {
  return (
    <>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus />
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
      />
    </>
  );
}
