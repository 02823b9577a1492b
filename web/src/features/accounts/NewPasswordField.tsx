import { Progress, PasswordInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePasswordStrength } from './api';

const COLORS = ['red', 'red', 'orange', 'teal', 'teal'];

/**
 * A new password with the server's strength estimate below it (zxcvbn-ts, which knows the person's name and
 * e-mail); the server refuses the same passwords this meter calls weak.
 */
export function NewPasswordField({
  value,
  onChange,
  error,
  email,
  name,
  label,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
  email?: string;
  name?: string;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value, 300);
  const strength = usePasswordStrength(debounced, { email, name });
  const s = value && strength.data ? strength.data : null;
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label ?? t('accounts.newPassword')}
        description={t('accounts.passwordHint')}
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
        data-testid={testId}
      />
      {s ? (
        <div aria-live="polite">
          <Progress value={(s.score + 1) * 20} color={COLORS[s.score]} size="sm" aria-hidden />
          <Text size="sm" c={s.acceptable ? 'teal.9' : 'red.9'} mt={4} data-testid="password-strength">
            {t(`accounts.strength.${s.score}`)}
            {s.acceptable ? '' : ` — ${t('accounts.strengthNotEnough')}`}
          </Text>
        </div>
      ) : null}
    </Stack>
  );
}
