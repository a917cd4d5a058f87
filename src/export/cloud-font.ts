import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font of the word clouds: Noto Sans SC (OFL 1.1), installed from npm so no system font is needed. */
export const CLOUD_FONT_FAMILY = 'Noto Sans SC';

/** Path of the Noto Sans SC Medium TTF shipped by @expo-google-fonts/noto-sans-sc. */
export function cloudFontPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '500Medium', 'NotoSansSC_500Medium.ttf');
}
