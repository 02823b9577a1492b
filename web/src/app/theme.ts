import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const font = 'Sarabun, "Noto Sans Thai", Tahoma, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: font,
  headings: {
    fontFamily: font,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.35' },
      h2: { fontSize: '1.3rem', lineHeight: '1.4' },
      h3: { fontSize: '1.1rem', lineHeight: '1.45' },
    },
  },
  primaryColor: 'teal',
  // Shade 9 keeps white-on-primary text above WCAG AA contrast (5:1).
  primaryShade: { light: 9, dark: 7 },
  autoContrast: true,
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm' }, styles: { root: { textTransform: 'none' } } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    Pagination: { defaultProps: { siblings: 1, boundaries: 1 } },
  },
});

/** Darker "dimmed" text so secondary content still meets contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // Light variants (badges, active nav links) use the palest shade so shade-9 text keeps AA contrast.
    ...Object.fromEntries(
      Object.keys(t.colors).flatMap((c) => [
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
        [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-1)`],
      ]),
    ),
    // Filled buttons keep AA contrast while hovered: Mantine's hover of shade 9 is the lighter shade 8
    // (white on teal-8 is about 4:1); a darker mix of shade 9 keeps it above 4.5:1.
    '--mantine-primary-color-filled-hover': 'color-mix(in srgb, var(--mantine-color-teal-9), black 12%)',
    '--mantine-color-teal-filled-hover': 'color-mix(in srgb, var(--mantine-color-teal-9), black 12%)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
