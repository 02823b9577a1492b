/** After a failed submit, move focus to the first field that shows an error (keyboard and screen-reader users land on it). */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"], form [data-error="true"]');
    if (el) {
      el.focus({ preventScroll: false });
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  });
}
