import { useEffect, useState } from 'preact/hooks';

type Theme = 'auto' | 'light' | 'dark';
const THEME_KEY = 'descope-mock-theme';
const NEXT: Record<Theme, Theme> = { auto: 'light', light: 'dark', dark: 'auto' };

/** Light, dark, or the system's choice (the default), remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(
    () => (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'auto',
  );
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  return (
    <button
      type="button"
      class="ghost theme"
      onClick={() => setTheme(NEXT[theme])}
      title="Light, dark or the system's"
    >
      Theme: {theme}
    </button>
  );
}
