/** Moved to ui/LanguageSwitch.tsx; this path stays only until budget/PublicBudgetPage.tsx imports it from there. */
export { LanguageSwitch } from '../../ui/LanguageSwitch';
