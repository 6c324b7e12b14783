/**
 * MapLibre's attribution control writes source attributions as HTML, so text that comes from
 * data manifests is escaped to stay text.
 */
export function attributionText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
